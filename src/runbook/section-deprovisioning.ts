import { checklist } from './checklist.js';
import { describeParty, describeVerifier } from './describe-party.js';
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
import { NOT_RECORDED, safeCode, safeText } from './safe-text.js';
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

function statusLines(ctx: RunbookContext): string[] {
  const { record, owners } = ctx;
  const d = record.deprovisioning;
  const lines = [
    `- Sunset date: ${safeText(d?.sunset)}`,
    `- Replaced by: ${d?.replacement === undefined ? NOT_RECORDED : safeCode(d.replacement)}`,
  ];
  if (d?.completedOn !== undefined) {
    lines.push(
      `- Retired on ${safeText(d.completedOn)}; dependents confirmed: ${d.dependentsConfirmed === true ? 'yes' : 'no'}. The steps below are kept for the record.`,
    );
  }
  lines.push(
    `- Who decides: ${describeParty(record.team, owners)}. Tell them before step 1.`,
    `- Who verifies: ${verifierText(ctx)}; never the person who retires it. Their key goes in the history entry as ${safeCode('verifiedBy')}.`,
  );
  return lines;
}

/** Whoever verifies rotations of its credentials, else the owning team. */
function verifierText({ record, owners }: RunbookContext): string {
  const verifiers = [
    ...new Set(
      record.credentials.flatMap((c) =>
        c.rotation?.verifiedBy === undefined ? [] : [c.rotation.verifiedBy],
      ),
    ),
  ];
  if (verifiers.length === 0) {
    return `someone else in the owning team, ${describeParty(record.team, owners)}`;
  }
  const who = verifiers.map((key) => describeVerifier(key, owners));
  return `whoever verifies its rotations, ${who.join('; or ')}`;
}

function deprovisioningSteps(ctx: RunbookContext): string[] {
  const { record, owners } = ctx;
  const d = record.deprovisioning;
  const until = d?.sunset ? ` by ${safeText(d.sunset)}` : '';
  const instead = d?.replacement
    ? ` and move to ${safeCode(d.replacement)}`
    : '';
  const secrets = liveSecrets(record);
  return [
    ...record.dependents.map(
      (dep) =>
        `Announce that this dependent must stop using ${safeCode(record.id)}${until}${instead}: ${dependentPhrase(dep, owners)}.`,
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
    `Record it in ${safeCode(record.file)} (or ask an engineer to): the top-level ${safeCode('status:')} becomes ${safeCode('decommissioned')}; under ${safeCode('deprovisioning:')} add ${safeCode('completedOn:')} (today, UTC, on or after the sunset date) and ${safeCode('dependentsConfirmed: true')}; each credential's own ${safeCode('status:')} becomes ${safeCode('revoked')} and its ${safeCode('storage:')} lines go; add a ${safeCode('history:')} entry with ${safeCode('action: decommissioned')}, the date, your key as ${safeCode('by')}, the verifier's as ${safeCode('verifiedBy')} and the ticket as ${safeCode('evidence')}. Open a pull request. Keep the file: it can be deleted in a later pull request.`,
  ];
}
