import type { IssueOperation } from '../audit/issues/plan-issues.js';
import { ApiError } from './api-error.js';
import type { GitHubApi } from './github-api.js';
import type { Log } from './runtime.js';

/** What became of one team's rolling issue in this run. */
export type TeamStatus =
  'created' | 'updated' | 'reopened' | 'closed' | 'unchanged' | 'not reached';

export interface TeamResult {
  team: string;
  status: TeamStatus;
  /** The issue's number, when there is one. */
  number: number | null;
}

/** Why a run stopped writing before the end of its plan. */
export type StopReason = 'budget' | 'rate-limit' | 'refused' | 'failed';

export interface ExecutedPlan {
  results: TeamResult[];
  stopped: { reason: StopReason; message: string } | null;
}

type IssueWriter = Pick<
  GitHubApi,
  'ensureLabel' | 'createIssue' | 'updateIssue' | 'comment'
>;

/**
 * Carries out the plan in its order, at most `budget` operations. The
 * first refused or rate-limited write stops the writing: the teams after
 * it are `not reached`, and the reason is returned, never thrown. Errors
 * other than API refusals are thrown.
 */
export async function executeIssuePlan(
  ops: readonly IssueOperation[],
  api: IssueWriter,
  options: { label: string; budget: number },
  log: Log,
): Promise<ExecutedPlan> {
  const results: TeamResult[] = [];
  let stopped: ExecutedPlan['stopped'] = null;
  let done = 0;
  let labelled = false;
  for (const op of ops) {
    if (op.kind === 'unchanged') {
      results.push({ team: op.team, status: 'unchanged', number: op.number });
      continue;
    }
    if (stopped === null && done >= options.budget) {
      stopped = { reason: 'budget', message: budgetMessage(options.budget) };
    }
    if (stopped !== null) {
      results.push({ team: op.team, status: 'not reached', number: null });
      continue;
    }
    try {
      if (!labelled) await api.ensureLabel(options.label);
      labelled = true;
      results.push(await perform(op, api, options.label));
      done += 1;
    } catch (error) {
      stopped = stopOn(error);
      results.push({ team: op.team, status: 'not reached', number: null });
    }
  }
  log.info(`Wrote ${done} of the rolling issues.`);
  return { results, stopped };
}

async function perform(
  op: Exclude<IssueOperation, { kind: 'unchanged' }>,
  api: IssueWriter,
  label: string,
): Promise<TeamResult> {
  const { team } = op;
  switch (op.kind) {
    case 'create': {
      const { title, body, assignees } = op;
      const issue = { title, body, label, assignees };
      const number = await api.createIssue(team, issue);
      return { team, status: 'created', number };
    }
    case 'update': {
      const state = op.reopen ? { state: 'open' as const } : {};
      await api.updateIssue(team, op.number, { body: op.body, ...state });
      if (op.comment) await api.comment(team, op.number, op.comment);
      const status = op.reopen ? 'reopened' : 'updated';
      return { team, status, number: op.number };
    }
    case 'close':
      // Closed first: a comment that then fails is lost, never repeated.
      await api.updateIssue(team, op.number, { state: 'closed' });
      await api.comment(team, op.number, op.comment);
      return { team, status: 'closed', number: op.number };
  }
}

function stopOn(error: unknown): NonNullable<ExecutedPlan['stopped']> {
  if (!(error instanceof ApiError)) throw error;
  const message = error.describe();
  if (error.rateLimited) return { reason: 'rate-limit', message };
  if ([401, 403, 404].includes(error.status)) {
    return { reason: 'refused', message };
  }
  return { reason: 'failed', message };
}

function budgetMessage(budget: number): string {
  return (
    `the run reached its budget of ${budget} operations ` +
    '(the input "max-operations")'
  );
}
