import * as path from 'node:path';
import { auditInventory } from '../audit/audit-inventory.js';
import { auditSettings } from '../audit/audit-settings.js';
import {
  planIssues,
  type IssueOperation,
  type TeamPlanInput,
} from '../audit/issues/plan-issues.js';
import { teamPlanInputs } from '../audit/issues/team-plan-inputs.js';
import { loadWorkspace } from '../config/workspace.js';
import { FsSource } from '../load/fs-source.js';
import {
  executeIssuePlan,
  type ExecutedPlan,
  type TeamResult,
  type TeamStatus,
} from './execute-issue-plan.js';
import type { GitHubApi } from './github-api.js';
import { toRepoPath, withRepoPaths } from './repo-paths.js';
import type { Log } from './runtime.js';
import type { Settings } from './settings.js';

/** One team's line in the reports. */
export interface TeamRow {
  team: string;
  items: number;
  planned: IssueOperation['kind'];
  /** What happened; null in a dry run, which writes nothing. */
  status: TeamStatus | null;
  number: number | null;
}

/** The rolling issues of one scheduled run, for the reports. */
export interface AuditIssues {
  dryRun: boolean;
  label: string;
  rows: TeamRow[];
  stopped: ExecutedPlan['stopped'];
}

/**
 * The scheduled audit's rolling issues: audits the inventory, lists the
 * issues with the configured label (open and closed, every page), plans
 * one issue per owning team, and writes the plan within the budget, or
 * only logs it in a dry run. Throws ApiError when the issues cannot be
 * listed; a refused write is returned in `stopped`.
 */
export async function runAuditIssues(
  settings: Settings,
  log: Log,
  api: () => GitHubApi,
): Promise<AuditIssues> {
  const { today, dryRun } = settings;
  const { teams, label } = log.group('Audit the whole inventory', () =>
    auditTeams(settings, log),
  );

  const existing = await log.group('List the rolling issues', async () => {
    const found = await api().labelledIssues(label);
    log.info(`${found.length} issues carry the label ${label}.`);
    return found;
  });
  const ops = planIssues(teams, existing, today);
  log.group('Plan the rolling issues', () => log.dump(ops.map(describe)));
  if (dryRun) {
    log.info('Dry run: no issue was written.');
    return { dryRun, label, rows: rowsOf(ops, teams, []), stopped: null };
  }

  const budget = settings.maxOperations;
  const executed = await log.group('Write the rolling issues', () =>
    executeIssuePlan(ops, api(), { label, budget }, log),
  );
  const rows = rowsOf(ops, teams, executed.results);
  return { dryRun, label, rows, stopped: executed.stopped };
}

/** The plan inputs per team, with repository-relative file paths. */
function auditTeams(
  settings: Settings,
  log: Log,
): { teams: TeamPlanInput[]; label: string } {
  const { directory, today } = settings;
  const source = new FsSource(path.join(settings.path, directory));
  const workspace = withRepoPaths(directory, () => loadWorkspace(source));
  const report = auditInventory(source, workspace, today);
  log.info(`${report.items.length} items due on ${today}.`);
  const items = report.items.map((i) => ({
    ...i,
    file: toRepoPath(directory, i.file),
  }));
  return {
    teams: teamPlanInputs({ ...report, items }, workspace.owners),
    label: auditSettings(workspace.config.audit).label,
  };
}

/** One row per operation; `results` is empty in a dry run. */
function rowsOf(
  ops: readonly IssueOperation[],
  teams: readonly TeamPlanInput[],
  results: readonly TeamResult[],
): TeamRow[] {
  return ops.map((op, i) => {
    const result = results[i];
    const planned = op.kind === 'create' ? null : op.number;
    return {
      team: op.team,
      items: teams.find((t) => t.team === op.team)?.items.length ?? 0,
      planned: op.kind,
      status: result?.status ?? null,
      number: result?.number ?? planned,
    };
  });
}

function describe(op: IssueOperation): string {
  switch (op.kind) {
    case 'create':
      return `${op.team}: create "${op.title}"`;
    case 'update':
      return `${op.team}: ${op.reopen ? 'reopen and update' : 'update'} #${op.number}`;
    case 'close':
      return `${op.team}: close #${op.number}`;
    case 'unchanged':
      return `${op.team}: unchanged${op.number ? ` #${op.number}` : ''}`;
  }
}

/**
 * The failure message of a run that stopped writing before the end of its
 * plan, or null when it finished (or only lacked the permission, which
 * is a warning). Refused writes are warned about here, once.
 */
export function unfinishedIssues(audit: AuditIssues, log: Log): string | null {
  const { stopped, rows } = audit;
  if (stopped === null) return null;
  if (stopped.reason === 'refused') {
    log.warning(`The rolling issues were not written: ${stopped.message}`);
    return null;
  }
  const left = rows.filter((r) => r.status === 'not reached').length;
  const handled = rows.length - left;
  return (
    `nhi-policy did not finish the rolling issues: ${handled} of ` +
    `${rows.length} teams handled, ${left} not reached, because ` +
    `${stopped.message}. The next run starts with the teams not reached ` +
    'and finds the issues already written by their hidden marker, so ' +
    'none is opened twice.'
  );
}
