import { rotationVerifiers } from '../authoring/rotation-verifiers.js';
import type { OwnersRegistry } from '../model/owners.js';
import { NOT_RECORDED, safeCode, safeText } from './safe-text.js';

/**
 * A team or person key from an identity file, as a reader wants it: the
 * registry's name followed by the key in a code span, so it can be looked
 * up and typed into a command. A key missing from the registry is marked
 * as such. `inCell` when the text goes in a table cell.
 */
export function describeParty(
  key: string | undefined,
  owners: OwnersRegistry,
  inCell = false,
): string {
  if (key === undefined) return NOT_RECORDED;
  const code = safeCode(key, inCell);
  const team = owners.teams.get(key);
  if (team) return `${safeText(team.name, inCell)} (team ${code})`;
  const person = owners.people.get(key);
  if (person) return `${safeText(person.name, inCell)} (${code})`;
  return `${code} (not in ${safeCode(owners.file, inCell)})`;
}

/** Several parties, joined for a sentence: "A, B and C". */
export function describeParties(
  keys: readonly string[],
  owners: OwnersRegistry,
): string {
  const names = keys.map((key) => describeParty(key, owners));
  if (names.length <= 1) return names[0] ?? NOT_RECORDED;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Who verifies a rotation, as `rotate --verified-by` accepts it: the
 * party, and for a team the keys of the people in it who may verify.
 */
export function describeVerifier(
  key: string | undefined,
  owners: OwnersRegistry,
): string {
  const party = describeParty(key, owners);
  const people = rotationVerifiers(key, owners);
  if (!owners.teams.has(key ?? '') || people === null) return party;
  if (people.length === 0) {
    return `${party} (no member who can verify is listed in ${safeCode(owners.file)})`;
  }
  const keys = people.map((p) => safeCode(p));
  const last = keys.pop();
  const choice = keys.length === 0 ? last : `${keys.join(', ')} or ${last}`;
  return `${party}, that is ${keys.length === 0 ? '' : 'one of '}${choice}`;
}
