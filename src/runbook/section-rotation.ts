import { checklist } from './checklist.js';
import { command, Words } from './command-text.js';
import { describeParty, describeVerifier } from './describe-party.js';
import type { CredentialRecord, IdentityRecord } from './identity-record.js';
import {
  credentialPhrase,
  dependentPhrase,
  dueText,
  liveSecrets,
  logPhrase,
  resourcePhrase,
  storagePhrase,
  systemPhrase,
} from './phrases.js';
import type { RunbookContext } from './runbook-context.js';
import { safeCode, safeText } from './safe-text.js';

/** Days to keep watching the logs after an old credential is disabled. */
export const WAIT_DAYS = 7;

/** Section 5: rotating each stored credential, one checklist each. */
export function rotationSection(ctx: RunbookContext): string[] {
  const lines = ['## 5. Rotation checklist', ''];
  const secrets = liveSecrets(ctx.record);
  if (secrets.length === 0) {
    lines.push(
      'Nothing to rotate: this identity holds no stored secret (it is keyless, or its credentials are revoked).',
    );
    return lines;
  }
  for (const credential of secrets) {
    lines.push(...credentialRotation(credential, ctx), '');
  }
  return lines.slice(0, -1);
}

function credentialRotation(c: CredentialRecord, ctx: RunbookContext) {
  const { record, owners, schedule } = ctx;
  const due = schedule.find(
    (s) => s.credential === c.id && s.kind.startsWith('rotation'),
  );
  const rotation = c.rotation;
  const automatic = rotation?.method === 'automatic';
  return [
    `### Rotate credential ${safeCode(c.id)}`,
    '',
    `- Every ${rotation?.intervalDays ?? '?'} days; last rotated ${safeText(c.lastRotated ?? c.created)}; next due ${dueText(due)} (UTC).`,
    `- Who triggers it: ${describeParty(rotation?.triggeredBy, owners)}.`,
    `- Who verifies it: ${describeVerifier(rotation?.verifiedBy, owners)}. The person who verifies is never the person who rotates.`,
    `- Where the evidence goes: open a ticket for the rotation. Its number is recorded in the history of ${safeCode(record.file)} (step "Record the rotation" below).${lastEvidence(record, c)}`,
    ...(automatic
      ? [
          '- This credential rotates automatically. Follow these steps only when the automatic rotation failed, or to check that it ran.',
        ]
      : []),
    '',
    ...checklist(rotationSteps(c, ctx)),
  ];
}

function rotationSteps(c: CredentialRecord, ctx: RunbookContext): string[] {
  const { record, owners } = ctx;
  const rotation = c.rotation;
  return [
    `Start (done by ${describeParty(rotation?.triggeredBy, owners)}): open a rotation ticket. Ticket number: ____`,
    `Create a new ${credentialPhrase(c)} for ${resourcePhrase(record)} in ${systemPhrase(record)}. Keep the old one working for now.`,
    `Store the new value in ${storagePhrase(c)}, replacing the old value. Never paste it anywhere else.`,
    ...record.dependents.map(
      (d) =>
        `Update this dependent to use the new credential: ${dependentPhrase(d, owners)}.`,
    ),
    `Check that every dependent works with the new credential. Look in: ${logPhrase(record)}.`,
    `Disable the old credential in ${systemPhrase(record)} (do not delete it yet).`,
    `Wait ${WAIT_DAYS} days, then check that nothing tried to use the old credential; if something did, update it first. Look in: ${logPhrase(record)}.`,
    `Delete the old credential in ${systemPhrase(record)}.`,
    `Verify (done by ${describeParty(rotation?.verifiedBy, owners)}, not by the person who rotated): the new credential is in ${storagePhrase(c)}, the old one is deleted, and every dependent above works.`,
    recordStep(record, c),
  ];
}

function recordStep(record: IdentityRecord, c: CredentialRecord): string {
  const expires = new Words(
    c.expires === undefined ? '' : ' --expires NEW-EXPIRY-DATE',
  );
  const run = command`nhi-policy rotate ${record.file} --credential ${c.id} --by YOUR-KEY --verified-by VERIFIER-KEY --evidence TICKET${expires}`;
  return `Record the rotation (or ask an engineer to): in the inventory folder, run ${run}, with your key, the verifier's key and the ticket number in place of the capital words${c.expires === undefined ? '' : ', and the new expiry date as YYYY-MM-DD'}. Open a pull request with the changed files.`;
}

function lastEvidence(record: IdentityRecord, c: CredentialRecord): string {
  const last = record.history
    .filter((h) => h.action === 'rotated' && h.credential === c.id)
    .at(-1);
  if (last?.evidence === undefined) return '';
  return ` The last rotation's evidence was ${safeCode(last.evidence)}.`;
}
