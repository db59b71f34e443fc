import type { OwnersRegistry } from '../model/owners.js';
import { CODE_RULES } from './code-rules.js';
import { closest } from './closest.js';
import { pointed } from './file-report.js';
import { showValue } from './show-value.js';
import type { PointedFinding } from './identity-checker.js';
import type { IdentityFacts } from './identity-facts.js';

/** A finding from a rule that looks across files, not yet positioned. */
export interface CrossFileFinding extends PointedFinding {
  file: string;
}

/**
 * Rules that span the inventory: ids equal file names and are unique,
 * owners exist in the registry, and no secret location is shared. The
 * first file in path order keeps an id or location; later ones are flagged.
 */
export function checkAcrossFiles(
  facts: IdentityFacts[],
  owners: OwnersRegistry,
): CrossFileFinding[] {
  const found: CrossFileFinding[] = [];
  const add = (file: string, f: PointedFinding) => found.push({ ...f, file });
  const firstWithId = new Map<string, string>();
  const firstAtLocation = new Map<string, string>();
  const teamKeys = [...owners.teams.keys()];
  const personKeys = [...owners.people.keys()];

  for (const identity of facts) {
    const { file, id, team, individual } = identity;
    const stem = file.slice(file.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '');
    if (id !== null && id !== stem) {
      add(
        file,
        pointed(
          CODE_RULES.idMatchesFile,
          '/id',
          `id ${showValue(id)} differs from the file name ${showValue(stem)}: rename the file to match the id, or change the id`,
        ),
      );
    }
    if (id !== null) {
      const first = firstWithId.get(id);
      if (first) {
        add(
          file,
          pointed(
            CODE_RULES.idUnique,
            '/id',
            `id ${showValue(id)} is already used by ${first}`,
          ),
        );
      } else {
        firstWithId.set(id, file);
      }
    }

    if (team !== null && !owners.teams.has(team)) {
      const guess = closest(team, teamKeys);
      add(
        file,
        pointed(
          CODE_RULES.ownerTeamKnown,
          '/owner/team',
          `owner.team ${showValue(team)} is not a team in ${owners.file}` +
            (guess
              ? `; did you mean "${guess}"?`
              : ': add the team there or use an existing key'),
        ),
      );
    }
    if (individual !== null) {
      if (!owners.people.has(individual)) {
        const guess = closest(individual, personKeys);
        add(
          file,
          pointed(
            CODE_RULES.ownerPersonKnown,
            '/owner/individual',
            `owner.individual ${showValue(individual)} is not a person in ${owners.file}` +
              (guess
                ? `; did you mean "${guess}"?`
                : ': add them there or use an existing key'),
          ),
        );
      } else if (
        team !== null &&
        owners.teams.get(team)?.members.includes(individual) === false
      ) {
        add(
          file,
          pointed(
            CODE_RULES.ownerPersonKnown,
            '/owner/individual',
            `owner.individual ${showValue(individual)} is not a member of team ${showValue(team)} in ${owners.file}: add them to the team or name a member`,
          ),
        );
      }
    }

    for (const { pointer, location } of identity.storage) {
      const first = firstAtLocation.get(location);
      if (first) {
        add(
          file,
          pointed(
            CODE_RULES.sharedSecret,
            pointer,
            `this secret location is also used by ${first === file ? 'another credential in this file' : first}`,
          ),
        );
      } else {
        firstAtLocation.set(location, file);
      }
    }
  }
  return found;
}
