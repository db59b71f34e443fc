import type { CountedReviews } from './count-approvals.js';
import type { Membership } from './membership.js';
import type { Requirement } from './required-approvals.js';

export type ApprovalState = 'approved' | 'missing' | 'blocked';

/** How far one required team got. */
export interface TeamVerdict {
  team: string;
  needed: number;
  /** Members whose approval counts, lower case, sorted. */
  approvedBy: string[];
  /** Approvals still needed; 0 when the team is satisfied. */
  missing: number;
}

/** The verdict on one changed identity or governing file. */
export interface RequirementVerdict {
  requirement: Requirement;
  teams: TeamVerdict[];
  /** Members of a required team whose latest decision asks for changes. */
  blockedBy: string[];
  state: ApprovalState;
}

/** The verdict on the whole pull request, for one head commit. */
export interface ApprovalVerdict {
  state: ApprovalState;
  headSha: string;
  items: RequirementVerdict[];
  counted: CountedReviews;
  membership: Membership['source'];
}

/**
 * Checks every requirement against the approvals that count. A team is
 * satisfied by as many distinct members' approvals as it needs; one person
 * in two required teams counts for both. A member of any required team who
 * asks for changes blocks that item. The pull request is blocked if any
 * item is, else missing if any item lacks approvals, else approved; with
 * nothing to approve it is approved.
 */
export function judgeApprovals(
  requirements: readonly Requirement[],
  counted: CountedReviews,
  membership: Membership,
  headSha: string,
): ApprovalVerdict {
  const items = requirements.map((r) => judgeOne(r, counted, membership));
  const some = (state: ApprovalState) => items.some((i) => i.state === state);
  return {
    state: some('blocked')
      ? 'blocked'
      : some('missing')
        ? 'missing'
        : 'approved',
    headSha,
    items,
    counted,
    membership: membership.source,
  };
}

function judgeOne(
  requirement: Requirement,
  counted: CountedReviews,
  membership: Membership,
): RequirementVerdict {
  const teams = requirement.teams.map((need) => {
    const members = membership.members(need.team);
    const approvedBy = counted.approvedBy.filter((l) => members.has(l)).sort();
    const missing = Math.max(0, need.approvals - approvedBy.length);
    return { team: need.team, needed: need.approvals, approvedBy, missing };
  });
  const required = new Set(
    requirement.teams.flatMap((need) => [...membership.members(need.team)]),
  );
  const blockedBy = counted.changesRequestedBy
    .filter((l) => required.has(l))
    .sort();
  const state: ApprovalState =
    blockedBy.length > 0
      ? 'blocked'
      : teams.some((t) => t.missing > 0)
        ? 'missing'
        : 'approved';
  return { requirement, teams, blockedBy, state };
}
