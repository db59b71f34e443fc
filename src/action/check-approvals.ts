import type { ApprovalResult } from '../approvals/approval-result.js';
import { statusContext } from '../approvals/commit-status.js';
import { countApprovals } from '../approvals/count-approvals.js';
import { judgeApprovals } from '../approvals/judge-approvals.js';
import {
  githubMembership,
  registryMembership,
  type Membership,
} from '../approvals/membership.js';
import { ApiError } from './api-error.js';
import type { GitHubApi } from './github-api.js';
import type { PullRequestContext } from './outcome.js';
import type { ApprovalPlan } from './plan-approvals.js';
import type { Log } from './runtime.js';

/**
 * Runs the owner-approval gate on a checked pull request: reads every
 * review, resolves the required teams, and judges. Returns null when the
 * gate is switched off. A review list or team the token cannot read is a
 * configuration error returned as data, so that it is published and never
 * taken for "nobody approved"; so is any other API failure, so that the
 * findings of the check are reported all the same.
 */
export async function checkApprovals(
  pr: PullRequestContext,
  api: () => GitHubApi,
  log: Log,
): Promise<ApprovalResult | null> {
  const plan = pr.approvalPlan;
  if (plan === null || !plan.settings.enabled) return null;
  const context = statusContext(pr.baseRef, pr.defaultBranch);
  const { headSha } = pr;
  if (pr.number === null) return { kind: 'merge-group', headSha, context };
  try {
    return await judge(pr, { number: pr.number, context }, plan, api(), log);
  } catch (error) {
    // Whatever stopped the gate, the findings are still reported: the
    // failure becomes the gate's result, and it never passes.
    const message =
      error instanceof ApiError
        ? error.describe()
        : `the GitHub API could not be reached (${(error as Error).message}): re-run the job`;
    return { kind: 'error', headSha, context, message };
  }
}

async function judge(
  pr: PullRequestContext,
  { number, context }: { number: number; context: string },
  plan: ApprovalPlan,
  api: GitHubApi,
  log: Log,
): Promise<ApprovalResult> {
  const reviews = await api.reviews(number);
  const n = reviews.length;
  log.info(`Read ${n} review${n === 1 ? '' : 's'} of pull request #${number}.`);
  const membership = await membershipFor(plan, api, log);
  if (typeof membership === 'string') {
    return { kind: 'error', headSha: pr.headSha, context, message: membership };
  }
  const counted = countApprovals(reviews, pr, membership);
  const verdict = judgeApprovals(
    plan.requirements,
    counted,
    membership,
    pr.headSha,
  );
  return { kind: 'verdict', verdict, context };
}

/**
 * The membership the configuration asks for, or a message saying why it
 * cannot be had. With GitHub teams, only the required teams are read.
 */
async function membershipFor(
  plan: ApprovalPlan,
  api: GitHubApi,
  log: Log,
): Promise<Membership | string> {
  if (plan.settings.membership === 'registry') {
    return registryMembership(plan.owners);
  }
  const keys = new Set(
    plan.requirements.flatMap((r) => r.teams.map((t) => t.team)),
  );
  const resolved = new Map<string, string[]>();
  for (const key of keys) {
    const team = plan.owners.teams.get(key)?.github;
    if (team === undefined) {
      return (
        `team "${key}" has no "github: org/team-slug" in the owners ` +
        `registry ${plan.owners.file}, and approvals.membership is github: ` +
        'add it, or set approvals.membership: registry'
      );
    }
    resolved.set(key, await api.teamMembers(team));
    log.info(`GitHub team ${team}: ${resolved.get(key)?.length} members.`);
  }
  return githubMembership(plan.owners, resolved);
}
