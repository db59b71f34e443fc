import { afterEach } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { pullRequestEvent } from '../support/events.js';
import {
  pullRequestRepo,
  type Files,
  type GitRepo,
  type PullRequestRepo,
} from '../support/git-repo.js';
import {
  startGitHubApi,
  TOKENS,
  type GitHubApi,
  type StatusRecord,
} from '../support/github-api/index.js';
import { runActionAsync, type ActionRun } from '../support/run-action.js';

export const TODAY = '2026-12-01';
export const CONTEXT = 'nhi-policy/owner-approval';

/** A file of test/approvals/fixtures. */
export function fixture(name: string): string {
  return readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
}

/** The base branch every scenario starts from. */
export function baseFiles(): Files {
  return {
    'nhi-policy.yaml': fixture('nhi-policy.yaml'),
    'owners.yaml': fixture('owners.yaml'),
    'identities/svc-ledger-reader.yaml': fixture('svc-ledger-reader.yaml'),
    'identities/bot-release-publisher.yaml': fixture(
      'bot-release-publisher.yaml',
    ),
  };
}

/** svc-ledger-reader with `edit` applied to its text. */
export function ledgerReader(edit: (text: string) => string): Files {
  return {
    'identities/svc-ledger-reader.yaml': edit(
      fixture('svc-ledger-reader.yaml'),
    ),
  };
}

/** A pull request #1 in a real git repository and on the local API. */
export interface Scenario {
  repo: PullRequestRepo;
  api: GitHubApi;
  author: string;
  /** Commit statuses written with the gate's context on the head. */
  statuses(): Pick<StatusRecord, 'state' | 'context' | 'description'>[];
  close(): Promise<void>;
}

export interface ScenarioOptions {
  base?: Files;
  author?: string;
  /** Owner of the fork the pull request comes from. */
  forkOwner?: string;
}

/**
 * Builds the pull request: `base` files on main (baseFiles() by default),
 * `head` on the branch, published as PR #1 by `author` (alice-gh) on a
 * local GitHub API that knows both commits.
 */
export async function startScenario(
  head: Files | ((repo: GitRepo) => void),
  options: ScenarioOptions = {},
): Promise<Scenario> {
  const repo = pullRequestRepo(options.base ?? baseFiles(), head);
  const api = await startGitHubApi({ owner: 'acme', repo: 'identities' });
  const author = options.author ?? 'alice-gh';
  api.state.addPullRequest({
    number: 1,
    author,
    headSha: repo.headSha,
    baseSha: repo.baseSha,
    forkOwner: options.forkOwner,
  });
  return {
    repo,
    api,
    author,
    statuses: () =>
      api.state
        .statuses(repo.headSha)
        .filter((s) => s.context === CONTEXT)
        .map(({ state, context, description }) => ({
          state,
          context,
          description,
        })),
    close: async () => {
      await api.close();
      rmSync(repo.root, { recursive: true, force: true });
    },
  };
}

export interface GateRunOptions {
  eventName?: string;
  payload?: unknown;
  token?: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

/** Runs dist/index.js on the scenario, by default on `pull_request`. */
export function runGate(
  s: Scenario,
  options: GateRunOptions = {},
): Promise<ActionRun> {
  return runActionAsync({
    workspace: s.repo.workspace,
    eventName: options.eventName ?? 'pull_request',
    payload: options.payload ?? pullRequestPayload(s),
    inputs: {
      today: TODAY,
      token: options.token ?? TOKENS.actions,
      ...options.inputs,
    },
    env: { GITHUB_API_URL: s.api.url, ...options.env },
  });
}

/** The pull_request event of the scenario's pull request. */
export function pullRequestPayload(s: Scenario, forkOwner?: string) {
  return pullRequestEvent({
    baseSha: s.repo.baseSha,
    headSha: s.repo.headSha,
    author: s.author,
    headRepository: forkOwner ? `${forkOwner}/identities` : undefined,
  });
}

/** A pull_request_review event: `action` submitted, edited or dismissed. */
export function reviewPayload(s: Scenario, action: string, login: string) {
  const event = pullRequestPayload(s);
  return {
    ...event,
    action,
    review: {
      user: { login, type: 'User' },
      state: action === 'dismissed' ? 'dismissed' : 'approved',
      commit_id: s.repo.headSha,
    },
    sender: { login, type: 'User' },
  };
}

/** The owner-approval section of a job summary, up to the next section. */
export function approvalSection(summary: string): string {
  const start = summary.indexOf('### ✅ Owner approval');
  const from = start >= 0 ? start : summary.indexOf('### ❌ Owner approval');
  if (from < 0) return '';
  const next = summary.indexOf('\n### ', from + 1);
  return summary.slice(from, next < 0 ? undefined : next + 1);
}

/** The success status of the scenario's head, one change approved. */
export function approvedStatus(s: Scenario) {
  return {
    state: 'success',
    context: CONTEXT,
    description: `Owners approved the 1 change at ${s.repo.headSha.slice(0, 7)}.`,
  };
}

/**
 * Closes the running test's scenario after each test, once the API
 * answered only with GitHub's documented shapes and known routes.
 */
export function closeAfterEach(current: () => Scenario): void {
  afterEach(async () => {
    const scenario = current();
    scenario.api.assertNoSchemaViolations();
    scenario.api.assertNoUnknownRoutes();
    await scenario.close();
  });
}
