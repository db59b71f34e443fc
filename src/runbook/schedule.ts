import type { AuditKind } from '../audit/audit-item.js';
import { dueItems } from '../audit/due-items.js';
import { viewIdentity } from '../audit/identity-view.js';
import type { OwnersRegistry } from '../model/owners.js';
import { fromDay, toDay } from '../time/day.js';

/** One scheduled task of an identity, as the audit engine dates it. */
export interface Scheduled {
  kind: AuditKind | 'sunset';
  /** YYYY-MM-DD, or null when it is due now (nothing in the file dates it). */
  due: string | null;
  credential?: string;
}

// An evaluation day before every date in an inventory turns each dated task
// into an upcoming item, so the schedule depends on the file alone and a
// committed runbook does not go stale as days pass.
const BEFORE_EVERY_DATE = 0;

/**
 * Every rotation, expiry, review and retirement the audit engine dates for
 * an identity, and the problems it says need action now. Sorted by date,
 * items due now first.
 */
export function scheduleOf(
  file: string,
  doc: Record<string, unknown>,
  owners: OwnersRegistry,
  fallbackTeam: string,
): Scheduled[] {
  const view = viewIdentity(file, doc);
  if (view === null) return [];
  const items = dueItems(view, {
    today: BEFORE_EVERY_DATE,
    windowDays: Number.POSITIVE_INFINITY,
    expiryWindowDays: Number.POSITIVE_INFINITY,
    owners,
    fallbackTeam,
  });
  const scheduled: Scheduled[] = items.map((item) => ({
    kind: item.kind,
    due: toDay(item.due) === BEFORE_EVERY_DATE ? null : item.due,
    ...(item.credential ? { credential: item.credential } : {}),
  }));
  if (view.status === 'deprecated' && view.sunset && toDay(view.sunset)) {
    scheduled.push({ kind: 'sunset', due: view.sunset });
  }
  return scheduled.sort(byDue);
}

/** The first task of a schedule, or null when nothing is scheduled. */
export function nextDue(schedule: readonly Scheduled[]): Scheduled | null {
  return schedule[0] ?? null;
}

/** Whole days after a YYYY-MM-DD date, or undefined for no real date. */
export function addDays(date: string | undefined, days: number | undefined) {
  const day = toDay(date ?? '');
  return day === null || days === undefined ? undefined : fromDay(day + days);
}

function byDue(a: Scheduled, b: Scheduled): number {
  const left = a.due ?? '';
  const right = b.due ?? '';
  return left < right ? -1 : left > right ? 1 : 0;
}
