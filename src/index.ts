import { run } from './action/run.js';
import { actionsRuntime } from './action/runtime.js';

await run(actionsRuntime());
