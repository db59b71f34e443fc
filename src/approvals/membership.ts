import type { OwnersRegistry } from '../model/owners.js';

/**
 * Who belongs to which team, by GitHub login in lower case (GitHub logins
 * are case-insensitive), and which bot accounts the registry declares.
 */
export interface Membership {
  /** How the members were found, for the summary. */
  source: 'registry' | 'github';
  /** The members of `team`; empty for a team nobody resolved. */
  members(team: string): ReadonlySet<string>;
  /** Logins of people declared with `bot: true`. */
  bots: ReadonlySet<string>;
}

/**
 * Membership as the owners registry declares it: each team's member keys
 * mapped to those people's GitHub handles. Needs no token.
 */
export function registryMembership(owners: OwnersRegistry): Membership {
  const teams = new Map<string, Set<string>>();
  for (const [key, team] of owners.teams) {
    teams.set(key, new Set(team.members.map((m) => loginOf(owners, m))));
  }
  return {
    source: 'registry',
    members: (team) => teams.get(team) ?? new Set(),
    bots: declaredBots(owners),
  };
}

/**
 * Membership from GitHub teams, as resolved through the API: `resolved`
 * maps team keys to their GitHub members. Bots cannot join GitHub teams,
 * so a bot the registry declares (`bot: true`) and lists as a member of a
 * team counts as a member of that team too.
 */
export function githubMembership(
  owners: OwnersRegistry,
  resolved: ReadonlyMap<string, readonly string[]>,
): Membership {
  const bots = declaredBots(owners);
  const registry = registryMembership(owners);
  const members = (team: string) => {
    const fromGitHub = (resolved.get(team) ?? []).map((l) => l.toLowerCase());
    const declared = [...registry.members(team)].filter((l) => bots.has(l));
    return new Set([...fromGitHub, ...declared]);
  };
  return { source: 'github', members, bots };
}

function declaredBots(owners: OwnersRegistry): Set<string> {
  return new Set(
    [...owners.people.values()]
      .filter((p) => p.bot)
      .map((p) => p.github.toLowerCase()),
  );
}

function loginOf(owners: OwnersRegistry, person: string): string {
  return (owners.people.get(person)?.github ?? '').toLowerCase();
}
