import { checklist } from './checklist.js';
import { describeParties, describeParty } from './describe-party.js';
import type { CredentialRecord } from './identity-record.js';
import {
  credentialPhrase,
  dependentPhrase,
  logPhrase,
  resourcePhrase,
  storagePhrase,
  systemPhrase,
} from './phrases.js';
import { plainName } from './plain-name.js';
import type { RunbookContext } from './runbook-context.js';
import { NOT_RECORDED, safeText } from './safe-text.js';

/** Section 4: creating the identity, once its request is approved. */
export function creationSection(ctx: RunbookContext): string[] {
  const { record, owners } = ctx;
  const steps = [
    approvalStep(ctx),
    `Check the name: the identity is called ${safeText(record.id)}, exactly, everywhere you create it.`,
    `Create the ${plainName('kind', record.kind)} in ${systemPhrase(record)} as ${resourcePhrase(record)}.`,
    ...scopeSteps(ctx),
    ...record.credentials.map((c) => credentialStep(c, ctx)),
    ...record.dependents.map(
      (d) =>
        `Set up this dependent to use the identity, and check that it works: ${dependentPhrase(d, owners)}.`,
    ),
    `Check that use of the identity is logged. Look in: ${logPhrase(record)}.`,
    `Record the creation: in the identity file ${safeText(record.file)}, set status to active, write today's date (UTC) as created and lastRotated of each credential, and add a history entry (action: created, date, by, verifiedBy, evidence: the ticket). Open a pull request; ${describeParty(record.team, owners)} approves it.`,
  ];
  return [
    '## 4. Creation checklist',
    '',
    'Do this once, after the request is approved. Tick each step and fill in its blanks as you go.',
    '',
    ...checklist(steps),
  ];
}

function approvalStep({ record, owners }: RunbookContext): string {
  const approval = record.approval;
  if (approval === undefined) {
    return `Check that the pull request adding this identity file was approved by ${describeParty(record.team, owners)}.`;
  }
  return `Check the approval: ticket ${safeText(approval.ticket)}, approved by ${describeParties(approval.approvedBy, owners)} on ${safeText(approval.approvedOn)}.`;
}

function scopeSteps({ record }: RunbookContext): string[] {
  if (record.scopes.length === 0) {
    return [
      `Grant no permissions: none are listed (privilege: ${safeText(record.privilege)}). Ask the owning team before granting any.`,
    ];
  }
  return record.scopes.map(
    (scope) => `Grant this permission, and nothing broader: ${safeText(scope)}`,
  );
}

function credentialStep(c: CredentialRecord, { owners }: RunbookContext) {
  if (c.type === 'federated') {
    return `Set up the trust for ${credentialPhrase(c)}: issuer ${safeText(c.issuer)}, subject ${safeText(c.subject)}. No secret is created or stored.`;
  }
  const readers = c.storage?.readers ?? [];
  const who =
    readers.length === 0 ? NOT_RECORDED : describeParties(readers, owners);
  return `Create ${credentialPhrase(c)} and put it straight into ${storagePhrase(c)}. Let only ${who} read it. Never paste it anywhere else: not in chat, email, a ticket or this repository.`;
}
