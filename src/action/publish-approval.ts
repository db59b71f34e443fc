import { headOf, type ApprovalResult } from '../approvals/approval-result.js';
import { commitStatusOf } from '../approvals/commit-status.js';
import { ApiError } from './api-error.js';
import type { GitHubApi } from './github-api.js';
import type { Log } from './runtime.js';

/**
 * Writes the gate's commit status on the head commit. A write that is
 * refused (a fork's read-only token, a missing permission) or fails
 * becomes a warning that says why, and the reason is returned for the job
 * summary; the verdict itself is unchanged. Returns '' once written.
 */
export async function publishApproval(
  result: ApprovalResult,
  api: () => GitHubApi,
  targetUrl: string,
  log: Log,
): Promise<string> {
  const status = commitStatusOf(result);
  const sha = headOf(result);
  log.dump([
    `${status.context} on ${sha}: ${status.state}: ${status.description}`,
  ]);
  try {
    await api().setStatus(sha, status, targetUrl);
    log.info(`Wrote the commit status ${status.context}: ${status.state}.`);
    return '';
  } catch (error) {
    const note =
      `The commit status ${status.context} was not written, so branch ` +
      `protection still sees the previous one, or none: ${reason(error)}`;
    log.warning(note);
    return note;
  }
}

function reason(error: unknown): string {
  if (error instanceof ApiError) return error.describe();
  return error instanceof Error ? error.message : String(error);
}
