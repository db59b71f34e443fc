import type { ApprovalResult } from './approval-result.js';
import type { ApprovalVerdict } from './judge-approvals.js';

/** The one status context branch protection requires. Never change it. */
export const STATUS_CONTEXT = 'nhi-policy/owner-approval';

/**
 * The status context for a pull request into `baseRef`. A status belongs
 * to a commit, not to a pull request: a second pull request with the same
 * head into another branch, judged by that branch's configuration, must
 * not turn the default branch's status green. So only pull requests into
 * the default branch write STATUS_CONTEXT; others name their branch.
 */
export function statusContext(baseRef: string, defaultBranch: string): string {
  if (baseRef !== '' && baseRef === defaultBranch) return STATUS_CONTEXT;
  return `${STATUS_CONTEXT} (${plain(baseRef) || 'unknown branch'})`;
}

/** GitHub refuses a status description longer than this. */
export const MAX_DESCRIPTION = 140;

export type StatusState = 'success' | 'failure' | 'error' | 'pending';

/** A commit status as the statuses API takes it. */
export interface CommitStatus {
  context: string;
  state: StatusState;
  description: string;
}

/**
 * The commit status for a gate result: success when approved (or for a
 * merge group), failure when approvals are missing or changes were
 * requested, error for a configuration error. The description is plain
 * text of at most 140 characters; the job summary has the details.
 */
export function commitStatusOf(result: ApprovalResult): CommitStatus {
  const status = (state: StatusState, description: string) => ({
    context: result.context,
    state,
    description: clip(plain(description)),
  });
  if (result.kind === 'merge-group') {
    return status(
      'success',
      'Each pull request in this merge group was approved before it was queued.',
    );
  }
  if (result.kind === 'error') {
    return status('error', `Configuration error: ${result.message}`);
  }
  const { verdict } = result;
  if (verdict.state === 'approved') return status('success', approved(verdict));
  if (verdict.state === 'blocked') return status('failure', blocked(verdict));
  return status('failure', missing(verdict));
}

function approved(v: ApprovalVerdict): string {
  const n = v.items.length;
  if (n === 0) return 'No identity or policy file changed: no approval needed.';
  const what = n === 1 ? 'the 1 change' : `all ${n} changes`;
  return `Owners approved ${what} at ${v.headSha.slice(0, 7)}.`;
}

function blocked(v: ApprovalVerdict): string {
  const items = v.items.filter((i) => i.state === 'blocked');
  const who = [...new Set(items.flatMap((i) => i.blockedBy))];
  const what = items.map((i) => i.requirement.subject);
  return `Changes requested by ${who.join(', ')} on ${what.join(', ')}.`;
}

/** "Waiting for payments (svc-a), security (svc-a, nhi-policy.yaml)." */
function missing(v: ApprovalVerdict): string {
  const byTeam = new Map<string, string[]>();
  for (const item of v.items) {
    for (const team of item.teams.filter((t) => t.missing > 0)) {
      const subjects = byTeam.get(team.team) ?? [];
      subjects.push(item.requirement.subject);
      byTeam.set(team.team, subjects);
    }
  }
  const parts = [...byTeam].map(([team, s]) => `${team} (${s.join(', ')})`);
  return `Waiting for approval by ${parts.join('; ')}.`;
}

function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}

function clip(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= MAX_DESCRIPTION) return text;
  return `${chars.slice(0, MAX_DESCRIPTION - 1).join('')}…`;
}
