import { isCommitId } from '../load/git.js';
import { ConfigError } from '../model/config-error.js';
import type { GitHubApi } from './github-api.js';
import { pullRequestOf, type PullRequest } from './pull-request.js';
import type { Log } from './runtime.js';

type Payload = Record<string, unknown>;

/**
 * The pull request an event is about. Pull request and merge group events
 * carry it in their payload. A `workflow_run` event (the secure setup for
 * reviews and forks, see docs/approvals.md) names only the head commit:
 * the pull request is the one listed with that head in the payload, or
 * for a fork, which the payload leaves out, the open pull request with
 * that head found through the API. Returns null when there is none.
 */
export async function locatePullRequest(
  eventName: string,
  payload: Payload,
  api: () => GitHubApi,
  log: Log,
): Promise<PullRequest | null> {
  if (eventName !== 'workflow_run') return pullRequestOf(eventName, payload);
  const headSha = (payload.workflow_run as Payload | undefined)?.head_sha;
  if (!isCommitId(headSha)) {
    throw new ConfigError(
      'the event payload has no commit id at workflow_run.head_sha: is the workflow triggered by workflow_run?',
    );
  }
  const number =
    listedNumber(payload, headSha) ??
    (await api().openPullRequestWithHead(headSha));
  if (number === null) {
    log.info(`No open pull request has the head commit ${headSha}.`);
    return null;
  }
  const pr = await api().pullRequest(number);
  if (pr.headSha !== headSha) {
    log.info(
      `Pull request #${number} has moved on to ${pr.headSha}; judging ` +
        `${headSha}, the commit this run is about.`,
    );
  }
  return {
    number,
    baseSha: pr.baseSha,
    headSha,
    headRepo: pr.headRepo,
    fork: pr.headRepo === '' || pr.headRepo !== pr.baseRepo,
    author: pr.author,
    baseRef: pr.baseRef,
    defaultBranch: String(
      (payload.repository as Payload | undefined)?.default_branch ?? '',
    ),
  };
}

function listedNumber(payload: Payload, headSha: string): number | null {
  const run = payload.workflow_run as Payload;
  const listed = Array.isArray(run.pull_requests) ? run.pull_requests : [];
  for (const pr of listed as Payload[]) {
    const head = pr.head as Payload | undefined;
    if (head?.sha === headSha && typeof pr.number === 'number')
      return pr.number;
  }
  return null;
}
