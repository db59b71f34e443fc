import { checklist } from './checklist.js';
import { command, Words } from './command-text.js';
import { describeParties, describeParty } from './describe-party.js';
import type { CredentialRecord, IdentityRecord } from './identity-record.js';
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
import { NOT_RECORDED, safeCode, safeText } from './safe-text.js';

/** Section 4: creating the identity, once its request is approved. */
export function creationSection(ctx: RunbookContext): string[] {
  const { record, owners } = ctx;
  const steps = [
    approvalStep(ctx),
    `Check the name: the identity is called ${safeCode(record.id)}, exactly, everywhere you create it.`,
    `Create the ${plainName('kind', record.kind)} in ${systemPhrase(record)} as ${resourcePhrase(record)}.`,
    ...scopeSteps(ctx),
    ...record.credentials.map((c) => credentialStep(c, ctx)),
    ...record.dependents.map(
      (d) =>
        `Set up this dependent to use the identity, and check that it works: ${dependentPhrase(d, owners)}.`,
    ),
    `Check that use of the identity is logged. Look in: ${logPhrase(record)}.`,
    recordStep(record),
    `Open a pull request with the changed files; ${describeParty(record.team, owners)} approves it.`,
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
    return `Check that the request was approved by ${describeParty(record.team, owners)}, and write down the approval ticket and who approved it (their keys in the owners registry): Ticket: ____ Approved by: ____`;
  }
  return `Check the approval: ticket ${safeCode(approval.ticket)}, approved by ${describeParties(approval.approvedBy, owners)} on ${safeText(approval.approvedOn)}.`;
}

function scopeSteps({ record }: RunbookContext): string[] {
  if (record.scopes.length === 0) {
    return [
      `Grant no permissions: none are listed (privilege: ${safeText(record.privilege)}). Ask the owning team before granting any.`,
    ];
  }
  return record.scopes.map(
    (scope) => `Grant this permission, and nothing broader: ${safeCode(scope)}`,
  );
}

function credentialStep(c: CredentialRecord, { owners }: RunbookContext) {
  if (c.type === 'federated') {
    return `Set up the trust for ${credentialPhrase(c)}: issuer ${safeCode(c.issuer)}, subject ${safeCode(c.subject)}. No secret is created or stored.`;
  }
  const readers = c.storage?.readers ?? [];
  const who =
    readers.length === 0 ? NOT_RECORDED : describeParties(readers, owners);
  return `Create ${credentialPhrase(c)} and put it straight into ${storagePhrase(c)}. Let only ${who} read it. Never paste it anywhere else: not in chat, email, a ticket or this repository.`;
}

/**
 * The command that marks the identity active, with the flags for what
 * the file does not record yet: the approval and where use is logged.
 */
function recordStep(record: IdentityRecord): string {
  const missing = [
    ...(record.approval === undefined
      ? ['--ticket TICKET --approved-by APPROVER-KEY']
      : []),
    ...(record.audit?.logRef === undefined
      ? ["--log 'WHERE USE IS LOGGED'"]
      : []),
  ];
  const flags = new Words(missing.map((f) => ` ${f}`).join(''));
  const run = command`nhi-policy activate ${record.file} --by YOUR-KEY${flags}`;
  const explain = [
    'YOUR-KEY is your key in the owners registry',
    ...(record.approval === undefined
      ? [
          'TICKET and APPROVER-KEY are the approval ticket and the approver (repeat --approved-by for each one)',
        ]
      : []),
    ...(record.audit?.logRef === undefined
      ? ['WHERE USE IS LOGGED names the log, dashboard or SIEM search']
      : []),
  ];
  return `Record the creation (or ask an engineer to): in the inventory folder, run ${run}. ${explain.join('; ')}. It sets the status to active, dates each credential and adds the history entry; when something is still missing it changes nothing and says what to add.`;
}
