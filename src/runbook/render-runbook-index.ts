import { plainName } from './plain-name.js';
import { GENERATED_MARKER } from './render-runbook.js';
import { safeCode, safeText } from './safe-text.js';
import type { Scheduled } from './schedule.js';

/** One row of the index: an identity and its next dated task. */
export interface IndexRow {
  id: string;
  /** The page's file name, next to the index. */
  page: string;
  kind: string;
  environment: string;
  team: string | undefined;
  status: string;
  next: Scheduled | null;
}

const WHAT: Record<Scheduled['kind'], string> = {
  'rotation-overdue': 'rotate',
  'rotation-due': 'rotate',
  'credential-expired': 'renew',
  'credential-expiring': 'renew',
  'review-overdue': 'review access',
  'review-due': 'review access',
  'owner-unknown': 'name a real owner',
  'team-orphaned': 'name a new owner',
  'sunset-passed': 'retire',
  'decommissioned-credential': 'revoke',
  'waiver-expired': 'renew the waiver',
  'waiver-expiring': 'renew the waiver',
  sunset: 'retire',
};

/**
 * The index page: every identity with a runbook, by owning team, with its
 * kind, environment, status and next due date. Dates come from the files
 * alone, so the page only changes when an identity does.
 */
export function renderRunbookIndex(rows: readonly IndexRow[]): string {
  const sorted = [...rows].sort(
    (a, b) => compare(a.team ?? '', b.team ?? '') || compare(a.id, b.id),
  );
  return [
    GENERATED_MARKER,
    '',
    '# Runbooks',
    '',
    `One page per identity: ${rows.length} in all. Each page says what the identity is, where it lives, whom to call, and has checklists for creating, rotating, handling a suspected leak, reviewing and retiring it.`,
    '',
    'Dates are calendar dates in UTC. "now" means the identity file has a problem to fix first: see the page.',
    '',
    '| Identity | Kind | Environment | Owner team | Status | Next due (UTC) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...sorted.map(row),
    '',
  ].join('\n');
}

function row(r: IndexRow): string {
  const cells = [
    `[${safeCode(r.id, true)}](${r.page})`,
    plainName('kind', r.kind, true),
    safeText(r.environment, true),
    safeCode(r.team, true),
    safeText(r.status, true),
    nextText(r.next),
  ];
  return `| ${cells.join(' | ')} |`;
}

function nextText(next: Scheduled | null): string {
  if (next === null) return 'nothing scheduled';
  const what = WHAT[next.kind];
  const credential = next.credential
    ? ` ${safeCode(next.credential, true)}`
    : '';
  return `${next.due === null ? 'now' : safeText(next.due, true)}: ${what}${credential}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
