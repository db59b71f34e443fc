import { GitError } from '../load/git-error.js';
import { ConfigError } from '../model/config-error.js';
import { describeTally, tally } from '../report/tally.js';
import { ApiError } from './api-error.js';
import { checkApprovals } from './check-approvals.js';
import { checkPullRequest } from './check-pull-request.js';
import { checkWholeInventory } from './check-whole-inventory.js';
import type { GitHubApi } from './github-api.js';
import { locatePullRequest } from './locate-pull-request.js';
import { modeOf } from './mode.js';
import type { Outcome } from './outcome.js';
import { publish } from './publish.js';
import type { Runtime } from './runtime.js';
import { runAuditIssues, unfinishedIssues } from './run-audit-issues.js';
import { readSettings, type Settings } from './settings.js';

/**
 * Runs the Action once: reads the inputs, picks the mode from the event,
 * checks, runs the owner-approval gate, reports, and decides the step's
 * result. This is the one place that fails the step: findings fail it
 * quietly (their annotations and the summary say why), anything that
 * stopped the check or the gate fails it with one error annotation. The
 * gate's verdict itself is the commit status, not the step's result.
 */
export async function run(runtime: Runtime): Promise<void> {
  try {
    const settings = runtime.group('Read the inputs', () =>
      readInputs(runtime),
    );
    const api = connection(settings, runtime);
    const checked = await check(settings, runtime, api);
    if (checked === null) return;
    const approved = await withApprovals(checked, settings, runtime, api);
    const outcome = await withAuditIssues(approved, settings, runtime, api);
    await publish(outcome, settings, runtime, api);
    finish(outcome, runtime);
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

/** The API, connected on first use with the token input. */
function connection(settings: Settings, runtime: Runtime): () => GitHubApi {
  let api: GitHubApi | undefined;
  return () => {
    if (settings.token === '') {
      throw new ConfigError(
        'the input "token" is empty; the owner-approval gate and the ' +
          "scheduled audit's rolling issues use it: keep its default, " +
          '${{ github.token }}, or switch them off with ' +
          '"approvals.enabled: false" in the configuration and the input ' +
          '"audit-issues: false"',
      );
    }
    api ??= runtime.github(settings.token, settings.repository);
    return api;
  };
}

async function check(
  settings: Settings,
  runtime: Runtime,
  api: () => GitHubApi,
): Promise<Outcome | null> {
  const { eventName, payload } = runtime;
  if (modeOf(eventName) === 'inventory') {
    return checkWholeInventory(settings, runtime);
  }
  const pr = await locatePullRequest(eventName, payload, api, runtime);
  if (pr === null) {
    runtime.info('nhi-policy: no pull request to judge.');
    return null;
  }
  return checkPullRequest(settings, pr, runtime);
}

async function withApprovals(
  outcome: Outcome,
  settings: Settings,
  runtime: Runtime,
  api: () => GitHubApi,
): Promise<Outcome> {
  const pr = outcome.pullRequest;
  if (pr === null || !settings.ownerApproval) return outcome;
  const approval = await runtime.group('Check the owner approvals', () =>
    checkApprovals(pr, api, runtime),
  );
  return { ...outcome, approval };
}

/** In a scheduled or manual run, the rolling issue of each team. */
async function withAuditIssues(
  outcome: Outcome,
  settings: Settings,
  runtime: Runtime,
  api: () => GitHubApi,
): Promise<Outcome> {
  if (outcome.mode !== 'inventory' || !settings.auditIssues) return outcome;
  const audit = await runAuditIssues(settings, runtime, api);
  return { ...outcome, audit };
}

function finish(outcome: Outcome, runtime: Runtime): void {
  const line = closingLine(outcome);
  const { approval } = outcome;
  const unfinished = outcome.audit && unfinishedIssues(outcome.audit, runtime);
  if (approval?.kind === 'error') {
    runtime.info(line);
    runtime.fail(`nhi-policy configuration error: ${approval.message}`, true);
  } else if (unfinished) {
    runtime.info(line);
    runtime.fail(unfinished, true);
  } else if (outcome.failed) {
    runtime.fail(line, false);
  } else {
    runtime.info(line);
  }
}

function closingLine(o: Outcome): string {
  const scope = o.mode === 'pull-request' ? ' in this pull request' : '';
  const existing =
    o.existing.length > 0 && !o.failOnExisting
      ? ` (${o.existing.length} pre-existing, not counted)`
      : '';
  return (
    `nhi-policy: ${o.failed ? 'fail' : 'pass'}: ` +
    `${describeTally(tally(o.judged))}${scope}${existing}` +
    `${approvalPart(o)}; the job summary has the details.`
  );
}

function approvalPart(o: Outcome): string {
  const a = o.approval;
  if (a === null) return '';
  const state = a.kind === 'verdict' ? a.verdict.state : a.kind;
  return `; owner approval: ${state}`;
}

function describeFailure(error: unknown): string {
  if (error instanceof ConfigError) {
    return `nhi-policy configuration error: ${error.describe()}`;
  }
  if (error instanceof ApiError) {
    return `nhi-policy could not use the GitHub API: ${error.describe()}`;
  }
  if (error instanceof GitError) {
    return `nhi-policy could not read the repository with git: ${error.message}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `nhi-policy stopped on an unexpected error: ${message}`;
}
