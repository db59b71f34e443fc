import type { ApprovalVerdict } from './judge-approvals.js';

/**
 * What the owner-approval gate found for one head commit: a verdict; a
 * merge group, whose pull requests were approved before they were queued;
 * or a configuration error that kept it from judging, which never passes.
 * `context` is the commit status it is published under.
 */
export type ApprovalResult = { context: string } & (
  | { kind: 'verdict'; verdict: ApprovalVerdict }
  | { kind: 'merge-group'; headSha: string }
  | { kind: 'error'; headSha: string; message: string }
);

/** The commit the result is about. */
export function headOf(result: ApprovalResult): string {
  return result.kind === 'verdict' ? result.verdict.headSha : result.headSha;
}
