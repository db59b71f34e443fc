import type { CredentialRecord } from './identity-record.js';
import {
  describeParties,
  describeParty,
  describeVerifier,
} from './describe-party.js';
import { dueText, storagePhrase } from './phrases.js';
import { plainName } from './plain-name.js';
import type { RunbookContext } from './runbook-context.js';
import { NOT_RECORDED, safeCode, safeText } from './safe-text.js';

/** Section 2: the system, account and resource, and each credential. */
export function locationSection(ctx: RunbookContext): string[] {
  const { record } = ctx;
  const lines = [
    '## 2. Where it lives',
    '',
    'This page says where each secret is kept. It never shows a secret.',
    '',
    `- System: ${safeCode(record.system.provider)}`,
    `- Account: ${safeCode(record.system.account)}`,
    `- Resource id: ${safeCode(record.system.resourceId)}`,
  ];
  if (record.console !== undefined) {
    lines.push(`- Console: ${safeCode(record.console)}`);
  }
  if (record.credentials.length === 0) {
    lines.push('', 'No credentials are recorded for this identity.');
  }
  for (const credential of record.credentials) {
    lines.push('', ...credentialBlock(credential, ctx));
  }
  return lines;
}

function credentialBlock(c: CredentialRecord, ctx: RunbookContext): string[] {
  const lines = [
    `### Credential ${safeCode(c.id)}`,
    '',
    `- Type: ${plainName('credential', c.type)}`,
    `- Status: ${safeText(c.status)}`,
  ];
  if (c.type === 'federated') {
    lines.push(
      '- Keyless: no secret is stored and nothing is rotated.',
      `- Trusted issuer: ${safeCode(c.issuer)}`,
      `- Subject it trusts: ${safeCode(c.subject)}`,
    );
  } else {
    lines.push(...storageLines(c, ctx));
  }
  lines.push(
    `- Created: ${safeText(c.created)}; last rotated: ${safeText(c.lastRotated)}; last used: ${safeText(c.lastUsed)}`,
  );
  if (c.expires !== undefined) lines.push(`- Expires: ${safeText(c.expires)}`);
  return lines;
}

function storageLines(c: CredentialRecord, ctx: RunbookContext): string[] {
  const { owners, schedule } = ctx;
  const readers = c.storage?.readers ?? [];
  const rotation = c.rotation;
  const due = schedule.find(
    (s) => s.credential === c.id && s.kind.startsWith('rotation'),
  );
  return [
    `- Stored in: ${storagePhrase(c)}`,
    `- Who may read it: ${readers.length === 0 ? NOT_RECORDED : describeParties(readers, owners)}`,
    `- Encryption: ${safeText(c.storage?.encryption)}`,
    rotation === undefined
      ? `- Rotation: ${NOT_RECORDED}`
      : `- Rotation: every ${rotation.intervalDays ?? '?'} days, ${safeText(rotation.method ?? 'manual')}; next due ${dueText(due)}`,
    `- Who triggers a rotation: ${describeParty(rotation?.triggeredBy, owners)}`,
    `- Who verifies a rotation: ${describeVerifier(rotation?.verifiedBy, owners)}`,
    ...(c.issuer === undefined
      ? []
      : [
          `- Issued by: ${safeCode(c.issuer)}; subject: ${safeCode(c.subject)}`,
        ]),
  ];
}
