import type { OwnersRegistry } from '../model/owners.js';

/**
 * The people who may verify a rotation when a credential's
 * rotation.verifiedBy names `party`: that person, or the members of that
 * team who are not bots. Null when it names nobody the registry knows,
 * so any person may verify.
 */
export function rotationVerifiers(
  party: string | undefined,
  owners: OwnersRegistry,
): string[] | null {
  if (party === undefined) return null;
  const team = owners.teams.get(party);
  if (team) {
    return team.members.filter((m) => owners.people.get(m)?.bot === false);
  }
  return owners.people.has(party) ? [party] : null;
}
