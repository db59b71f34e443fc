import { escapeMarkdown as md } from '../report/escape-markdown.js';
import type { AuditIssues, ReviewRow, TeamRow } from './run-audit-issues.js';

const PLANNED: Record<TeamRow['planned'], string> = {
  create: 'would be created',
  update: 'would be updated',
  close: 'would be closed',
  unchanged: 'unchanged',
};

/**
 * The job summary's section on the rolling issues: the counts per status,
 * then one row per team that has items due or an issue (items due, status,
 * issue number), then the quarterly review writes. A dry run shows what
 * each issue would become.
 */
export function renderIssuesSummary(audit: AuditIssues): string {
  const rows = audit.rows.filter((r) => r.items > 0 || r.number !== null);
  const title = audit.dryRun
    ? '### Rolling issues (dry run: nothing was written)'
    : audit.stopped === null
      ? '### Rolling issues'
      : audit.stopped.reason === 'refused'
        ? '### ⚠️ Rolling issues: not written'
        : '### ❌ Rolling issues: not finished, the next run goes on';
  const lines = [
    title,
    '',
    `${tallyLine(audit.rows.map(statusOf(audit)))}, ` +
      `across ${audit.rows.length} teams (label ${md(audit.label)}).`,
    '',
  ];
  if (audit.stopped) {
    lines.push(`> [!WARNING]\n> ${md(audit.stopped.message)}.`, '');
  }
  const reviews = reviewLines(audit);
  if (rows.length === 0) return [...lines, ...reviews].join('\n');
  lines.push(
    '| Team | Items due | Issue | Status |',
    '| --- | ---: | --- | --- |',
  );
  for (const r of rows) {
    const issue = r.number === null ? '' : `#${r.number}`;
    lines.push(
      `| ${md(r.team)} | ${r.items} | ${issue} | ${statusOf(audit)(r)} |`,
    );
  }
  return [...lines, '', ...reviews].join('\n');
}

/** The quarterly review writes, one line each; none when there are none. */
function reviewLines(audit: AuditIssues): string[] {
  if (audit.reviews.length === 0) return [];
  const line = (r: ReviewRow) => {
    const issue = r.number === null ? '' : ` #${r.number}`;
    const status =
      audit.dryRun || r.status === null ? PLANNED[r.planned] : r.status;
    return `- ${md(r.team)}, ${r.quarter}:${issue} ${status}`;
  };
  return ['Quarterly reviews:', '', ...audit.reviews.map(line), ''];
}

function statusOf(audit: AuditIssues): (row: TeamRow) => string {
  return (row) =>
    audit.dryRun || row.status === null ? PLANNED[row.planned] : row.status;
}

function tallyLine(statuses: string[]): string {
  const counts = new Map<string, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
}
