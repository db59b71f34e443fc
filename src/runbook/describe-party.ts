import type { OwnersRegistry } from '../model/owners.js';
import { NOT_RECORDED, safeText } from './safe-text.js';

/**
 * A team or person key from an identity file, as a reader wants it: the
 * registry's name followed by the key, so it can be looked up and typed
 * into a command. A key missing from the registry is marked as such.
 */
export function describeParty(
  key: string | undefined,
  owners: OwnersRegistry,
): string {
  if (key === undefined) return NOT_RECORDED;
  const team = owners.teams.get(key);
  if (team) return `${safeText(team.name)} (team ${safeText(key)})`;
  const person = owners.people.get(key);
  if (person) return `${safeText(person.name)} (${safeText(key)})`;
  return `${safeText(key)} (not in ${safeText(owners.file)})`;
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
