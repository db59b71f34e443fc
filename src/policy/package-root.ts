import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const MARKER = path.join('policies', 'schemas', 'identity.schema.json');

/**
 * The folder that holds nhi-policy's own `policies/`: the repository root
 * whether the code runs from `src/` in tests or from the `dist/` bundle.
 */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, MARKER))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`nhi-policy's ${MARKER} is missing beside the program`);
    }
    dir = parent;
  }
}
