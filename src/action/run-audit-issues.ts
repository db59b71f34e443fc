import * as path from 'node:path';
import { auditInventory } from '../audit/audit-inventory.js';
import { auditSettings } from '../audit/audit-settings.js';
import {
  planIssues,
  type IssueOperation,
  type TeamPlanInput,
} from '../audit/issues/plan-issues.js';
import {
  planReviews,
  type ReviewOperation,
  type ReviewSources,
} from '../audit/issues/plan-reviews.js';
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

/** One quarterly review write in the reports. */
export interface ReviewRow {
  team: string;
  quarter: string;
  planned: ReviewOperation['kind'];
  status: TeamStatus | null;
  number: number | null;
}

/** The rolling issues of one scheduled run, for the reports. */
export interface AuditIssues {
  dryRun: boolean;
  label: string;
  rows: TeamRow[];
  /** The quarterly review writes; none when they are switched off. */
  reviews: ReviewRow[];
  stopped: ExecutedPlan['stopped'];
}

/** What the audit of the inventory gives the issue plans. */
interface AuditedTeams {
  teams: TeamPlanInput[];
  label: string;
  sources: ReviewSources;
}

/**
 * The scheduled audit's issues: audits the inventory, lists the issues
 * with the configured label (open and closed, every page), plans one
 * rolling issue per owning team and, unless switched off, the quarterly
 * reviews, and writes both plans within one budget, or only logs them in
 * a dry run. Throws ApiError when the issues cannot be listed; a refused
 * write is returned in `stopped`.
 */
export async function runAuditIssues(
  settings: Settings,
  log: Log,
  api: () => GitHubApi,
): Promise<AuditIssues> {
  const { today, dryRun } = settings;
  const { teams, label, sources } = log.group('Audit the whole inventory', () =>
    auditTeams(settings, log),
  );

  const existing = await log.group('List the rolling issues', async () => {
    const found = await api().labelledIssues(label);
    log.info(`${found.length} issues carry the label ${label}.`);
    return found;
  });
  const ops = planIssues(teams, existing, today);
  const reviews = settings.quarterlyReview
    ? planReviews(teams, existing, today, sources)
    : [];
  log.group('Plan the rolling issues', () =>
    log.dump([...ops, ...reviews].map(describe)),
  );
  if (dryRun) {
    log.info('Dry run: no issue was written.');
    const [rows, planned] = [rowsOf(ops, teams, []), reviewRows(reviews, [])];
    return { dryRun, label, rows, reviews: planned, stopped: null };
  }

  // The reviews come last, so that a short budget goes to what is due.
  const budget = settings.maxOperations;
  const executed = await log.group('Write the rolling issues', () =>
    executeIssuePlan([...ops, ...reviews], api(), { label, budget }, log),
  );
  const { results, stopped } = executed;
  const rows = rowsOf(ops, teams, results.slice(0, ops.length));
  const written = reviewRows(reviews, results.slice(ops.length));
  return { dryRun, label, rows, reviews: written, stopped };
}

/** The plan inputs per team, with repository-relative file paths. */
function auditTeams(settings: Settings, log: Log): AuditedTeams {
  const { directory, today } = settings;
  const source = new FsSource(path.join(settings.path, directory));
  const workspace = withRepoPaths(directory, () => loadWorkspace(source));
  const report = auditInventory(source, workspace, today);
  log.info(`${report.items.length} items due on ${today}.`);
  const items = report.items.map((i) => ({
    ...i,
    file: toRepoPath(directory, i.file),
  }));
  const audit = auditSettings(workspace.config.audit);
  const { runbooksDir } = workspace.config;
  return {
    teams: teamPlanInputs({ ...report, items }, workspace.owners),
    label: audit.label,
    sources: {
      identities: report.identities.map(({ file, doc }) => ({
        file: toRepoPath(directory, file),
        doc,
      })),
      owners: workspace.owners,
      fallbackTeam: audit.fallbackTeam,
      runbooksDir:
        runbooksDir === null ? null : toRepoPath(directory, runbooksDir),
    },
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

/** One row per review write; `results` is empty in a dry run. */
function reviewRows(
  ops: readonly ReviewOperation[],
  results: readonly TeamResult[],
): ReviewRow[] {
  return ops.map((op, i) => ({
    team: op.team,
    quarter: op.quarter,
    planned: op.kind,
    status: results[i]?.status ?? null,
    number: results[i]?.number ?? (op.kind === 'close' ? op.number : null),
  }));
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
  const reviews = audit.reviews.filter((r) => r.status === 'not reached');
  const alsoLeft =
    reviews.length > 0 ? ` and ${reviews.length} quarterly review writes` : '';
  return (
    `nhi-policy did not finish the rolling issues: ${handled} of ` +
    `${rows.length} teams handled, ${left} not reached${alsoLeft}, because ` +
    `${stopped.message}. The next run starts with the teams not reached ` +
    'and finds the issues already written by their hidden marker, so ' +
    'none is opened twice.'
  );
}
