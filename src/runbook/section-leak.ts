import { checklist } from './checklist.js';
import { contactText } from './call-order.js';
import { describeParty } from './describe-party.js';
import type { CredentialRecord } from './identity-record.js';
import {
  credentialPhrase,
  liveSecrets,
  logPhrase,
  systemPhrase,
} from './phrases.js';
import type { RunbookContext } from './runbook-context.js';
import { command } from './command-text.js';
import { safeCode, safeText } from './safe-text.js';

/** Section 6: what to do at once when a secret may have leaked. */
export function leakSection(ctx: RunbookContext): string[] {
  const { record } = ctx;
  const secrets = liveSecrets(record);
  const keyless = record.credentials.filter((c) => c.type === 'federated');
  const steps = [
    securityStep(ctx),
    'Open an incident ticket and write down what happened and where the secret was seen. Ticket number: ____',
    ...secrets.map(
      (c) =>
        `Disable ${credentialPhrase(c)} in ${systemPhrase(record)} now, even though the dependents stop working until the new credential is in place.`,
    ),
    ...keyless.map(
      (c) =>
        `For keyless ${credentialPhrase(c)}: check in ${systemPhrase(record)} that the trust still names only subject ${safeCode(c.subject)}, and remove any other.`,
    ),
    `Search for use of the identity since ${sinceText(secrets)} that you do not recognise, and write what you find in the incident ticket. Look in: ${logPhrase(record)}.`,
    ...(secrets.length > 0
      ? [
          'Follow the rotation checklist (section 5) from "Create a new" to "Verify": new credential, stored, every dependent updated, old one deleted.',
        ]
      : []),
    'Remove the secret from where it was exposed (message, ticket, document). If it was committed to a git repository, ask an engineer: deleting the line does not remove it from the history.',
    `Verify (done by ${describeParty(ctx.securityTeam, ctx.owners)}): the old secret no longer works and the incident ticket says what was done.`,
    recordStep(ctx),
  ];
  return [
    '## 6. Suspected leak checklist',
    '',
    'Use this when a secret of this identity may have been seen by someone who should not have it: pasted in chat, committed to a repository, sent by email, or used from somewhere unexpected. Act at once; do not wait for office hours.',
    '',
    ...checklist(steps),
  ];
}

function securityStep({ owners, securityTeam, record }: RunbookContext) {
  const team = owners.teams.get(securityTeam);
  const first = team?.escalation[0];
  const reach = first === undefined ? '' : ` through ${contactText(first)}`;
  return `Tell ${describeParty(securityTeam, owners)} now${reach}, and the first person you reach in section 3 (owner: ${describeParty(record.team, owners)}).`;
}

function recordStep({ record }: RunbookContext): string {
  const secrets = liveSecrets(record);
  if (secrets.length === 0) {
    return 'Record it: write what was done in the incident ticket. Nothing is rotated for this identity, so the identity file does not change.';
  }
  const runs = secrets.map(
    (c) =>
      command`nhi-policy rotate ${record.file} --credential ${c.id} --by YOUR-KEY --verified-by VERIFIER-KEY --evidence INCIDENT-TICKET --note 'Rotated after a suspected leak'`,
  );
  return `Record it (or ask an engineer to): in the inventory folder, run ${runs.join(', then ')}. VERIFIER-KEY is whoever verified the rotation in section 5. Open a pull request.`;
}

function sinceText(secrets: CredentialRecord[]): string {
  const dates = secrets
    .map((c) => c.lastRotated ?? c.created)
    .filter((d): d is string => d !== undefined)
    .sort();
  return dates[0] === undefined
    ? 'it was created'
    : `${safeText(dates[0])} (UTC)`;
}
