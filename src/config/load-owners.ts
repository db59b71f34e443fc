import type { Ajv2020 } from 'ajv/dist/2020.js';
import { ConfigError } from '../model/config-error.js';
import type { OwnersRegistry, Person, Team } from '../model/owners.js';
import type { Source } from '../load/source.js';
import { readValidatedYaml } from './read-document.js';

interface OwnersFile {
  teams: Record<string, Omit<Team, 'key'>>;
  people: Record<string, Omit<Person, 'key' | 'bot'> & { bot?: boolean }>;
}

/**
 * Loads and checks the owners registry. Every team member must be a
 * declared person; a registry that is missing or broken is a ConfigError.
 */
export function loadOwners(
  source: Source,
  file: string,
  ajv: Ajv2020,
  schema: Record<string, unknown>,
): OwnersRegistry {
  const doc = readValidatedYaml(source, file, ajv.compile(schema), schema);
  if (doc === null) {
    throw new ConfigError(
      'the owners registry is missing: create it (see examples/owners.yaml) or set "owners" in the configuration',
      file,
    );
  }
  const data = doc.value as unknown as OwnersFile;
  const people = new Map<string, Person>();
  for (const [key, person] of Object.entries(data.people)) {
    people.set(key, { ...person, key, bot: person.bot === true });
  }
  const teams = new Map<string, Team>();
  for (const [key, team] of Object.entries(data.teams)) {
    team.members.forEach((member, i) => {
      if (!people.has(member)) {
        throw new ConfigError(
          `team "${key}" lists member "${member}", who is not declared under people: add them or fix the name`,
          file,
          doc.lineOf(`/teams/${key}/members/${i}`),
        );
      }
    });
    teams.set(key, { ...team, key, escalation: team.escalation ?? [] });
  }
  return { file, teams, people };
}
