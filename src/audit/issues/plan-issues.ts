import type { AuditItem } from '../audit-item.js';
import { renderTeamIssue } from './render-team-issue.js';
import { teamOfBody, tickedItems } from './team-marker.js';

/** A rolling issue as the issues API lists it. */
export interface ExistingIssue {
  number: number;
  state: 'open' | 'closed';
  title: string;
  body: string | null;
  updatedAt: string;
  assignees: string[];
}

/** One write the audit will make, or a team it leaves alone. */
export type IssueOperation =
  | {
      kind: 'create';
      team: string;
      title: string;
      body: string;
      assignees: string[];
    }
  | {
      kind: 'update';
      team: string;
      number: number;
      body: string;
      reopen: boolean;
      comment?: string;
    }
  | { kind: 'close'; team: string; number: number; comment: string }
  | { kind: 'unchanged'; team: string; number: number | null };

export interface TeamPlanInput {
  team: string;
  teamName: string;
  items: AuditItem[];
  /** GitHub handles to assign when the issue is created. */
  assignees: string[];
}

/**
 * Decides what to do with each team's rolling issue: create it when items
 * come due and none exists, update it in place when its body would change,
 * reopen the newest closed one when items come due again, close it with a
 * comment when nothing is due. Teams whose issue is stalest come first, so
 * a run cut short by the API never starves the same teams twice.
 */
export function planIssues(
  teams: TeamPlanInput[],
  existing: ExistingIssue[],
  today: string,
): IssueOperation[] {
  const byTeam = issuesByTeam(existing);
  const ops = teams.map((t) => planTeam(t, byTeam.get(t.team) ?? [], today));
  const staleness = (op: IssueOperation) => {
    const issue = byTeam.get(op.team)?.[0];
    return issue ? issue.updatedAt : '';
  };
  return ops.sort(
    (a, b) => compare(staleness(a), staleness(b)) || compare(a.team, b.team),
  );
}

function planTeam(
  t: TeamPlanInput,
  issues: ExistingIssue[],
  today: string,
): IssueOperation {
  const open = issues.find((i) => i.state === 'open');
  const current = open ?? issues[0];
  if (t.items.length === 0) {
    if (!open)
      return {
        kind: 'unchanged',
        team: t.team,
        number: current?.number ?? null,
      };
    return {
      kind: 'close',
      team: t.team,
      number: open.number,
      comment: `Nothing is due for ${t.teamName} as of ${today}. Closing; this issue reopens when something comes due again.`,
    };
  }
  const { title, body } = renderTeamIssue(
    t.team,
    t.teamName,
    t.items,
    tickedItems(current?.body),
  );
  if (!current)
    return {
      kind: 'create',
      team: t.team,
      title,
      body,
      assignees: t.assignees,
    };
  const reopen = current.state === 'closed';
  if (!reopen && normalize(current.body) === normalize(body)) {
    return { kind: 'unchanged', team: t.team, number: current.number };
  }
  return {
    kind: 'update',
    team: t.team,
    number: current.number,
    body,
    reopen,
    ...(reopen
      ? {
          comment: `Reopened on ${today}: ${t.items.length} ${t.items.length === 1 ? 'item is' : 'items are'} due again.`,
        }
      : {}),
  };
}

/**
 * Issues per team, open ones first and then the most recently updated, so
 * that a duplicate someone made by hand never wins over the one in use.
 */
function issuesByTeam(existing: ExistingIssue[]): Map<string, ExistingIssue[]> {
  const groups = new Map<string, ExistingIssue[]>();
  for (const issue of existing) {
    const team = teamOfBody(issue.body);
    if (team) groups.set(team, [...(groups.get(team) ?? []), issue]);
  }
  for (const list of groups.values()) {
    list.sort(
      (a, b) =>
        Number(a.state === 'closed') - Number(b.state === 'closed') ||
        compare(b.updatedAt, a.updatedAt) ||
        a.number - b.number,
    );
  }
  return groups;
}

function normalize(body: string | null): string {
  return (body ?? '').replace(/\r\n/g, '\n').trim();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
