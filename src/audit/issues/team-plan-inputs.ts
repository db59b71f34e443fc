import type { OwnersRegistry } from '../../model/owners.js';
import type { AuditReport } from '../audit-inventory.js';
import type { TeamPlanInput } from './plan-issues.js';

/** GitHub assigns at most ten people to an issue. */
export const MAX_ASSIGNEES = 10;

/**
 * One plan input per team that can get a rolling issue (the registry's
 * teams, the fallback team, and any team an item names): its name, its
 * due items, and the GitHub handles of up to ten members who are not bots.
 */
export function teamPlanInputs(
  report: AuditReport,
  owners: OwnersRegistry,
): TeamPlanInput[] {
  const keys = new Set([...report.teams, ...report.items.map((i) => i.team)]);
  return [...keys].sort().map((key) => ({
    team: key,
    teamName: owners.teams.get(key)?.name ?? key,
    items: report.items.filter((i) => i.team === key),
    assignees: handles(key, owners),
  }));
}

function handles(team: string, owners: OwnersRegistry): string[] {
  const members = owners.teams.get(team)?.members ?? [];
  const people = members.map((m) => owners.people.get(m));
  const logins = people
    .filter((p) => p !== undefined && !p.bot && p.github !== '')
    .map((p) => p?.github ?? '');
  return [...new Set(logins)].slice(0, MAX_ASSIGNEES);
}
