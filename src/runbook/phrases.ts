import type {
  CredentialRecord,
  DependentRecord,
  IdentityRecord,
} from './identity-record.js';
import type { OwnersRegistry } from '../model/owners.js';
import { describeParty } from './describe-party.js';
import { plainName } from './plain-name.js';
import { safeCode, safeText } from './safe-text.js';
import type { Scheduled } from './schedule.js';

/** "`gcp`, account `acme-payments-prod`": where to act on the identity. */
export function systemPhrase(record: IdentityRecord): string {
  const { provider, account } = record.system;
  return `${safeCode(provider)}, account ${safeCode(account)}`;
}

/** The identity as it is named inside its system. */
export function resourcePhrase(record: IdentityRecord): string {
  const { resourceId } = record.system;
  return resourceId === undefined
    ? `the ${plainName('kind', record.kind)} ${safeCode(record.id)}`
    : safeCode(resourceId);
}

/** "credential `sa-key` (service account key)". */
export function credentialPhrase(credential: CredentialRecord): string {
  return `credential ${safeCode(credential.id)} (${plainName('credential', credential.type)})`;
}

/** "`vault`, at `kv/payments/ledger-reader`", never the secret itself. */
export function storagePhrase(credential: CredentialRecord): string {
  const storage = credential.storage;
  if (storage === undefined) return 'no storage recorded';
  return `${safeCode(storage.backend)}, at ${safeCode(storage.ref)}`;
}

/** "workflow `acme/app/.github/workflows/x.yml`, contact: Payments …". */
export function dependentPhrase(
  dependent: DependentRecord,
  owners: OwnersRegistry,
): string {
  const contact =
    dependent.contact === undefined
      ? ''
      : `, contact: ${describeParty(dependent.contact, owners)}`;
  return `${plainName('dependent', dependent.type)} ${safeCode(dependent.ref)}${contact}`;
}

/** Where to look for use of the identity, for steps that check the logs. */
export function logPhrase(record: IdentityRecord): string {
  const logRef = record.audit?.logRef;
  return logRef === undefined
    ? 'the logs of the system (no log location is recorded in the identity file)'
    : safeText(logRef);
}

/** Credentials that hold a stored secret and are not revoked. */
export function liveSecrets(record: IdentityRecord): CredentialRecord[] {
  return record.credentials.filter(
    (c) => c.type !== 'federated' && c.status !== 'revoked',
  );
}

/** The date a scheduled task is due, "now" when nothing dates it. */
export function dueText(item: Scheduled | undefined, inCell = false): string {
  if (item === undefined) return 'not scheduled';
  return item.due === null ? 'now' : safeText(item.due, inCell);
}
