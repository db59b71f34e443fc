import type { AuditReport } from './audit-inventory.js';

/** The audit as JSON: items with due dates, and counts per team. */
export function renderAuditJson(report: AuditReport): string {
  const teams = Object.fromEntries(
    report.teams.map((team) => {
      const items = report.items.filter((i) => i.team === team);
      return [
        team,
        {
          overdue: items.filter((i) => i.daysLeft <= 0).length,
          dueSoon: items.filter((i) => i.daysLeft > 0).length,
        },
      ];
    }),
  );
  return `${JSON.stringify(
    {
      version: 1,
      today: report.today,
      windowDays: report.windowDays,
      expiryWindowDays: report.expiryWindowDays,
      teams,
      items: report.items,
    },
    null,
    2,
  )}\n`;
}
