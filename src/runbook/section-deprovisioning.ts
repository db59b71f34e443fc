import { checklist } from './checklist.js';
import { describeParty } from './describe-party.js';
import {
  credentialPhrase,
  dependentPhrase,
  liveSecrets,
  logPhrase,
  resourcePhrase,
  storagePhrase,
  systemPhrase,
} from './phrases.js';
import type { RunbookContext } from './runbook-context.js';
import { NOT_RECORDED, safeText } from './safe-text.js';
import { WAIT_DAYS } from './section-rotation.js';

/** Section 8: retiring the identity, dependents first. */
export function deprovisioningSection(ctx: RunbookContext): string[] {
  return [
    '## 8. Deprovisioning checklist',
    '',
    ...statusLines(ctx),
    '',
    ...checklist(deprovisioningSteps(ctx)),
  ];
}

function statusLines({ record, owners }: RunbookContext): string[] {
  const d = record.deprovisioning;
  const lines = [
    `- Sunset date: ${safeText(d?.sunset)}`,
    `- Replaced by: ${d?.replacement === undefined ? NOT_RECORDED : safeText(d.replacement)}`,
  ];
  if (d?.completedOn !== undefined) {
    lines.push(
      `- Retired on ${safeText(d.completedOn)}; dependents confirmed: ${d.dependentsConfirmed === true ? 'yes' : 'no'}. The steps below are kept for the record.`,
    );
  }
  lines.push(
    `- Who decides: ${describeParty(record.team, owners)}. Tell them before step 1.`,
  );
  return lines;
}

function deprovisioningSteps(ctx: RunbookContext): string[] {
  const { record, owners } = ctx;
  const d = record.deprovisioning;
  const until = d?.sunset ? ` by ${safeText(d.sunset)}` : '';
  const instead = d?.replacement
    ? ` and move to ${safeText(d.replacement)}`
    : '';
  const secrets = liveSecrets(record);
  return [
    ...record.dependents.map(
      (dep) =>
        `Announce that this dependent must stop using ${safeText(record.id)}${until}${instead}: ${dependentPhrase(dep, owners)}.`,
    ),
    ...record.credentials
      .filter((c) => c.status !== 'revoked')
      .map(
        (c) =>
          `Disable ${credentialPhrase(c)} in ${systemPhrase(record)}. Do not delete it yet.`,
      ),
    `Wait ${WAIT_DAYS} days, then check that nothing tried to use the identity; if something did, find it and move it before going on. Look in: ${logPhrase(record)}.`,
    ...record.dependents.map(
      (dep) =>
        `Confirm that this dependent no longer uses the identity: ${dependentPhrase(dep, owners)}.`,
    ),
    ...(d?.steps ?? []).map(
      (step) => `Step written down for this identity: ${safeText(step)}`,
    ),
    ...secrets.map(
      (c) =>
        `Delete ${credentialPhrase(c)}, and its stored copy in ${storagePhrase(c)}.`,
    ),
    `Delete ${resourcePhrase(record)} in ${systemPhrase(record)}.`,
    `Record it: in ${safeText(record.file)} set status to decommissioned, deprovisioning.completedOn to today's date (UTC) and dependentsConfirmed to true; set each credential's status to revoked and remove its storage; add a history entry (action: decommissioned, date, by, verifiedBy, evidence). Open a pull request. Keep the file: it can be deleted in a later pull request.`,
  ];
}
