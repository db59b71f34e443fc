import type { Workspace } from '../config/workspace.js';
import {
  checkInventory,
  type CheckReport,
} from '../evaluate/check-inventory.js';
import { loadWaivers } from '../evaluate/waivers.js';
import type { Source } from '../load/source.js';
import type { Waiver } from '../model/waiver.js';
import type { ParsedIdentity } from '../runbook/build-runbooks.js';
import { toDay } from '../time/day.js';
import type { AuditItem } from './audit-item.js';
import { auditSettings } from './audit-settings.js';
import { dueItems, type AuditContext } from './due-items.js';
import { viewIdentity, type IdentityView } from './identity-view.js';

export interface AuditReport {
  today: string;
  windowDays: number;
  expiryWindowDays: number;
  /** Every due item, by team, then due date, then identity. */
  items: AuditItem[];
  /** Every team that could get an issue: the registry's and the fallback. */
  teams: string[];
  /** The full check of the same inventory, for SARIF and JSON reports. */
  check: CheckReport;
  /** Every identity file that parsed, for the quarterly reviews. */
  identities: ParsedIdentity[];
}

/**
 * The scheduled audit: runs the same check as a pull request over the whole
 * inventory, and lists per owning team what is late or due soon.
 */
export function auditInventory(
  source: Source,
  workspace: Workspace,
  today: string,
): AuditReport {
  const settings = auditSettings(workspace.config.audit);
  const views: IdentityView[] = [];
  const identities: ParsedIdentity[] = [];
  const check = checkInventory(source, workspace, today, {
    visit: (file, doc) => {
      identities.push({ file, doc });
      const view = viewIdentity(file, doc);
      if (view) views.push(view);
    },
  });

  const day = toDay(today) ?? 0;
  const ctx: AuditContext = {
    today: day,
    windowDays: settings.windowDays,
    expiryWindowDays: settings.expiryWindowDays,
    owners: workspace.owners,
    fallbackTeam: settings.fallbackTeam,
  };
  const items = views.flatMap((view) => dueItems(view, ctx));
  const { waivers } = loadWaivers(
    source,
    workspace.config.waiversDir,
    workspace.validateWaiver,
    workspace.schemas.waiver,
  );
  items.push(...waiverItems(waivers, views, ctx));

  items.sort(
    (a, b) =>
      compare(a.team, b.team) || compare(a.due, b.due) || compare(a.key, b.key),
  );
  const teams = [
    ...new Set([...workspace.owners.teams.keys(), settings.fallbackTeam]),
  ].sort();
  return {
    today,
    windowDays: settings.windowDays,
    expiryWindowDays: settings.expiryWindowDays,
    items,
    teams,
    check,
    identities,
  };
}

function waiverItems(
  waivers: Waiver[],
  views: IdentityView[],
  ctx: AuditContext,
): AuditItem[] {
  const teamOf = new Map(views.map((v) => [v.id, v.team]));
  const items: AuditItem[] = [];
  for (const waiver of waivers) {
    const expires = toDay(waiver.expires);
    if (expires === null) continue;
    const daysLeft = expires - ctx.today;
    const late = daysLeft < 0;
    if (!late && daysLeft > ctx.windowDays) continue;
    const owner = teamOf.get(waiver.identity);
    const team =
      owner && ctx.owners.teams.has(owner) ? owner : ctx.fallbackTeam;
    items.push({
      key: `${waiver.identity}/${late ? 'waiver-expired' : 'waiver-expiring'}/${waiver.rule}`,
      kind: late ? 'waiver-expired' : 'waiver-expiring',
      severity: late ? 'warning' : 'note',
      team,
      identity: waiver.identity,
      file: waiver.file,
      due: waiver.expires,
      daysLeft,
      title: late
        ? `waiver of ${waiver.rule} for ${waiver.identity} expired on ${waiver.expires}: fix the identity or renew the waiver`
        : `waiver of ${waiver.rule} for ${waiver.identity} expires on ${waiver.expires}: fix the identity or renew the waiver`,
      step: 'waiver',
      verifier: waiver.approvedBy,
    });
  }
  return items;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
