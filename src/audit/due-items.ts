import type { OwnersRegistry } from '../model/owners.js';
import { fromDay, toDay } from '../time/day.js';
import type { AuditItem, AuditKind, RunbookStep } from './audit-item.js';
import type { CredentialView, IdentityView } from './identity-view.js';
import { showValue } from '../evaluate/show-value.js';

/** What the audit needs besides the identity. */
export interface AuditContext {
  today: number;
  /** Days ahead in which a rotation or review counts as due soon. */
  windowDays: number;
  /** Days ahead in which an expiry counts as due soon. */
  expiryWindowDays: number;
  owners: OwnersRegistry;
  /** Team that receives items whose owner is unknown or has no members. */
  fallbackTeam: string;
}

const LIVE_STATUSES = new Set(['active', 'suspended', 'deprecated']);

/**
 * Everything due for one identity on the evaluation day: rotations,
 * expiries and reviews that are late or due within the window, unknown or
 * orphaned owners, passed sunsets and retired identities that still hold a
 * credential. Dates are whole UTC days.
 */
export function dueItems(view: IdentityView, ctx: AuditContext): AuditItem[] {
  const team = owningTeam(view, ctx);
  const items: AuditItem[] = [];
  const add = (
    kind: AuditKind,
    due: number,
    title: string,
    step: RunbookStep,
    extra: Partial<AuditItem> = {},
  ) =>
    items.push({
      key: [view.id, kind, extra.credential].filter(Boolean).join('/'),
      kind,
      severity: SEVERITY[kind],
      team: team.key,
      identity: view.id,
      file: view.file,
      due: fromDay(due),
      daysLeft: due - ctx.today,
      title,
      step,
      ...extra,
    });

  if (team.problem)
    add(team.problem.kind, ctx.today, team.problem.title, 'ownership');
  if (LIVE_STATUSES.has(view.status)) {
    for (const credential of view.credentials)
      credentialItems(credential, ctx, add);
    reviewItem(view, ctx, add);
  }
  if (view.status === 'deprecated' && view.sunset) {
    const sunset = toDay(view.sunset);
    if (sunset !== null && sunset < ctx.today) {
      add(
        'sunset-passed',
        sunset,
        `was to be retired on ${view.sunset} and is still deprecated`,
        'deprovisioning',
      );
    }
  }
  if (view.status === 'decommissioned') {
    for (const c of view.credentials) {
      if (c.status !== 'revoked' || c.stored) {
        add(
          'decommissioned-credential',
          ctx.today,
          `decommissioned, but credential ${c.id} is ${c.status !== 'revoked' ? `still ${c.status}` : 'still stored'}`,
          'deprovisioning',
          { credential: c.id },
        );
      }
    }
  }
  return items;
}

type Add = (
  kind: AuditKind,
  due: number,
  title: string,
  step: RunbookStep,
  extra?: Partial<AuditItem>,
) => void;

function credentialItems(c: CredentialView, ctx: AuditContext, add: Add): void {
  if (c.status === 'revoked' || c.type === 'federated') return;
  const last = toDay(c.lastRotated ?? c.created ?? '');
  if (last !== null && c.intervalDays !== undefined) {
    const due = last + c.intervalDays;
    const extra = {
      credential: c.id,
      ...(c.verifiedBy ? { verifier: c.verifiedBy } : {}),
    };
    if (due <= ctx.today) {
      add(
        'rotation-overdue',
        due,
        `rotate credential ${c.id}: due every ${c.intervalDays} days, last on ${fromDay(last)}`,
        'rotation',
        extra,
      );
    } else if (due - ctx.today <= ctx.windowDays) {
      add(
        'rotation-due',
        due,
        `rotate credential ${c.id} by ${fromDay(due)} (every ${c.intervalDays} days)`,
        'rotation',
        extra,
      );
    }
  }
  const expires = toDay(c.expires ?? '');
  if (expires !== null && c.status === 'active') {
    if (expires <= ctx.today) {
      add(
        'credential-expired',
        expires,
        `credential ${c.id} expired on ${fromDay(expires)}: issue a new one`,
        'rotation',
        { credential: c.id },
      );
    } else if (!c.automatic && expires - ctx.today <= ctx.expiryWindowDays) {
      add(
        'credential-expiring',
        expires,
        `renew credential ${c.id} before it expires on ${fromDay(expires)}`,
        'rotation',
        { credential: c.id },
      );
    }
  }
}

function reviewItem(view: IdentityView, ctx: AuditContext, add: Add): void {
  const interval = view.review?.intervalDays;
  if (interval === undefined) return;
  const last = toDay(view.review?.lastReviewed ?? '');
  const due = last === null ? ctx.today : last + interval;
  const since = last === null ? 'never reviewed' : `last on ${fromDay(last)}`;
  if (due <= ctx.today) {
    add(
      'review-overdue',
      due,
      `review access: due every ${interval} days, ${since}`,
      'review',
    );
  } else if (due - ctx.today <= ctx.windowDays) {
    add(
      'review-due',
      due,
      `review access by ${fromDay(due)} (every ${interval} days)`,
      'review',
    );
  }
}

/** The team that gets the items, and why the fallback got them. */
function owningTeam(
  view: IdentityView,
  ctx: AuditContext,
): { key: string; problem?: { kind: AuditKind; title: string } } {
  const team = view.team ? ctx.owners.teams.get(view.team) : undefined;
  if (!team) {
    return {
      key: ctx.fallbackTeam,
      problem: {
        kind: 'owner-unknown',
        title: `owner team ${view.team ? showValue(view.team) : '(none)'} is not in ${ctx.owners.file}: name a real owning team`,
      },
    };
  }
  if (team.members.length === 0) {
    return {
      key: ctx.fallbackTeam,
      problem: {
        kind: 'team-orphaned',
        title: `owning team ${team.key} has no members: name a new owner`,
      },
    };
  }
  if (view.individual && !ctx.owners.people.has(view.individual)) {
    return {
      key: team.key,
      problem: {
        kind: 'owner-unknown',
        title: `accountable person ${showValue(view.individual)} is not in ${ctx.owners.file}: name a real person`,
      },
    };
  }
  return { key: team.key };
}

const SEVERITY: Record<AuditKind, AuditItem['severity']> = {
  'rotation-overdue': 'error',
  'rotation-due': 'warning',
  'credential-expired': 'error',
  'credential-expiring': 'warning',
  'review-overdue': 'warning',
  'review-due': 'note',
  'owner-unknown': 'error',
  'team-orphaned': 'error',
  'sunset-passed': 'warning',
  'decommissioned-credential': 'error',
  'waiver-expired': 'warning',
  'waiver-expiring': 'note',
};
