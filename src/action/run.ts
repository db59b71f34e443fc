import { GitError } from '../load/git-error.js';
import { ConfigError } from '../model/config-error.js';
import { describeTally, tally } from '../report/tally.js';
import { checkPullRequest } from './check-pull-request.js';
import { checkWholeInventory } from './check-whole-inventory.js';
import { modeOf } from './mode.js';
import type { Outcome } from './outcome.js';
import { publish } from './publish.js';
import { pullRequestOf } from './pull-request.js';
import type { Runtime } from './runtime.js';
import { readSettings, type Settings } from './settings.js';

/**
 * Runs the Action once: reads the inputs, picks the mode from the event,
 * checks, reports, and decides the step's result. This is the one place
 * that fails the step: findings fail it quietly (their annotations and the
 * summary say why), anything that stopped the check fails it with one
 * error annotation.
 */
export async function run(runtime: Runtime): Promise<void> {
  try {
    const settings = runtime.group('Read the inputs', () =>
      readInputs(runtime),
    );
    const outcome = check(settings, runtime);
    await publish(outcome, settings, runtime);
    const line = closingLine(outcome);
    if (outcome.failed) runtime.fail(line, false);
    else runtime.info(line);
  } catch (error) {
    if (error instanceof Error && error.stack) runtime.debug(error.stack);
    runtime.fail(describeFailure(error), true);
  }
}

function readInputs(runtime: Runtime): Settings {
  const settings = readSettings(runtime.input, runtime.env);
  if (settings.token !== '') runtime.mask(settings.token);
  const { token, ...shown } = settings;
  runtime.debug(
    `settings: ${JSON.stringify({ ...shown, token: token ? '***' : '' })}`,
  );
  runtime.info(
    `Evaluation date ${settings.today}; event ${runtime.eventName}.`,
  );
  return settings;
}

function check(settings: Settings, runtime: Runtime): Outcome {
  const mode = modeOf(runtime.eventName);
  if (mode === 'inventory') return checkWholeInventory(settings, runtime);
  const pr = pullRequestOf(runtime.eventName, runtime.payload);
  return checkPullRequest(settings, pr, runtime);
}

function closingLine(o: Outcome): string {
  const scope = o.mode === 'pull-request' ? ' in this pull request' : '';
  const existing =
    o.existing.length > 0 && !o.failOnExisting
      ? ` (${o.existing.length} pre-existing, not counted)`
      : '';
  return (
    `nhi-policy: ${o.failed ? 'fail' : 'pass'}: ` +
    `${describeTally(tally(o.judged))}${scope}${existing}; ` +
    'the job summary has the details.'
  );
}

function describeFailure(error: unknown): string {
  if (error instanceof ConfigError) {
    return `nhi-policy configuration error: ${error.describe()}`;
  }
  if (error instanceof GitError) {
    return `nhi-policy could not read the repository with git: ${error.message}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `nhi-policy stopped on an unexpected error: ${message}`;
}
