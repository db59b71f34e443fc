import type { AuditItem } from './audit-item.js';
import type { AuditReport } from './audit-inventory.js';

/** The per-team report for a terminal: one block per team with items due. */
export function renderAuditText(report: AuditReport): string {
  const lines: string[] = [
    `Audit on ${report.today} (${windowText(report)})`,
    '',
  ];
  const byTeam = groupByTeam(report.items);
  for (const team of report.teams) {
    const items = byTeam.get(team) ?? [];
    if (items.length === 0) continue;
    lines.push(`${team}: ${countLine(items)}`);
    for (const item of items) {
      lines.push(
        `  ${item.due}  ${item.severity.padEnd(7)} ${item.identity}: ${clean(item.title)}`,
      );
      lines.push(
        `              ${item.file} · checklist: ${item.step}${item.verifier ? ` · verified by ${item.verifier}` : ''}`,
      );
    }
    lines.push('');
  }
  const clear = report.teams.filter((t) => !byTeam.has(t));
  if (clear.length) lines.push(`Nothing due: ${clear.join(', ')}`);
  lines.push(`${report.items.length} items due across ${byTeam.size} teams.`);
  return `${lines.join('\n')}\n`;
}

/** Items grouped by the team that owns them, in report order. */
export function groupByTeam(
  items: readonly AuditItem[],
): Map<string, AuditItem[]> {
  const groups = new Map<string, AuditItem[]>();
  for (const item of items)
    groups.set(item.team, [...(groups.get(item.team) ?? []), item]);
  return groups;
}

/** "2 overdue, 1 due soon". */
export function countLine(items: readonly AuditItem[]): string {
  const late = items.filter((i) => i.daysLeft <= 0).length;
  return `${late} overdue, ${items.length - late} due soon`;
}

function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

/** How far ahead "due soon" looks, in words. */
export function windowText(report: AuditReport): string {
  return (
    `due soon: rotations and reviews within ${report.windowDays} days, ` +
    `expiries within ${report.expiryWindowDays} days`
  );
}
