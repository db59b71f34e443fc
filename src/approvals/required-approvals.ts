import type { OwnersRegistry } from '../model/owners.js';
import type { ApprovalSettings, Risk } from './approval-settings.js';
import { identityRisks } from './identity-risks.js';
import {
  pairIdentityChanges,
  type IdentityChange,
  type IdentityDoc,
  type IdentityDocs,
} from './pair-identity-changes.js';
import type { Change } from '../load/changed-files.js';
import { secretKind } from '../evaluate/secrets.js';

const HIDDEN = '(hidden: it looks like a secret)';

/**
 * Why a team must approve: it owns the identity, it is the identity's new
 * owner, it stands in for an owner that is unknown or gone, or a risk.
 */
export type Reason = 'owner' | 'new-owner' | 'fallback' | Risk;

/** One team that must approve, how many of its members, and why. */
export interface TeamNeed {
  team: string;
  approvals: number;
  reasons: Reason[];
}

/** Who must approve one changed identity or governing file. */
export interface Requirement {
  /** The identity id, or the path of a governing file. */
  subject: string;
  kind: 'identity' | 'policy' | 'waivers';
  change: IdentityChange['change'] | 'changed';
  /** The file, repository-relative. */
  file: string;
  teams: TeamNeed[];
  /** Owner teams that were named but are not in the registry. */
  unknownOwners: string[];
}

/** What the pull request changed, with paths as the documents are keyed. */
export interface ChangeSet {
  files: readonly Change[];
  /** Changed configuration, owners registry, policy and workflow files. */
  policyFiles: readonly string[];
  /** Changed waiver files. */
  waiverFiles: readonly string[];
}

/**
 * Works out who must approve each changed identity and governing file.
 * The owner comes from the base version of an existing identity; an added
 * identity needs its new owner; when ownership moves, both. An owner team
 * missing from the registry (the registry of the base commit) is replaced
 * by the fallback team. The risks enabled in `settings.securityFor` add
 * the security team. Pure: reads nothing, throws nothing.
 */
export function requiredApprovals(
  changes: ChangeSet,
  baseDocs: IdentityDocs,
  headDocs: IdentityDocs,
  owners: OwnersRegistry,
  settings: ApprovalSettings,
): Requirement[] {
  const identities = pairIdentityChanges(changes.files, baseDocs, headDocs);
  return [
    ...identities.map((c) => forIdentity(c, owners, settings)),
    ...changes.policyFiles.map((f) => forFile(f, 'policy', settings)),
    ...changes.waiverFiles.map((f) => forFile(f, 'waivers', settings)),
  ].filter((r) => r.teams.length > 0);
}

function forIdentity(
  c: IdentityChange,
  owners: OwnersRegistry,
  settings: ApprovalSettings,
): Requirement {
  const needs = new Needs(settings);
  const unknownOwners: string[] = [];
  const owner = (doc: IdentityDoc | null, reason: Reason) => {
    const team = ownerOf(doc);
    if (team !== null && owners.teams.has(team)) return needs.add(team, reason);
    // Owner values come from the pull request: one shaped like a secret is
    // reported without its text.
    if (team !== null) unknownOwners.push(secretKind(team) ? HIDDEN : team);
    needs.add(settings.fallbackTeam, 'fallback');
  };

  if (c.existed) owner(c.before, 'owner');
  const moved = c.existed && ownerOf(c.after) !== ownerOf(c.before);
  if (c.remains && (!c.existed || moved)) {
    owner(c.after, c.existed ? 'new-owner' : 'owner');
  }
  for (const risk of identityRisks(c)) {
    if (settings.securityFor.includes(risk)) {
      needs.add(settings.securityTeam, risk);
    }
  }
  return {
    subject: c.subject,
    kind: 'identity',
    change: c.change,
    file: c.file,
    teams: needs.list(),
    unknownOwners,
  };
}

function forFile(
  file: string,
  kind: 'policy' | 'waivers',
  settings: ApprovalSettings,
): Requirement {
  const needs = new Needs(settings);
  if (settings.securityFor.includes(kind)) {
    needs.add(settings.securityTeam, kind);
  }
  return {
    subject: file,
    kind,
    change: 'changed',
    file,
    teams: needs.list(),
    unknownOwners: [],
  };
}

/** Teams in the order they were first needed, each with its reasons. */
class Needs {
  private readonly byTeam = new Map<string, TeamNeed>();

  constructor(private readonly settings: ApprovalSettings) {}

  add(team: string, reason: Reason): void {
    const need = this.byTeam.get(team) ?? {
      team,
      approvals: this.settings.minimumApprovals[team] ?? 1,
      reasons: [],
    };
    if (!need.reasons.includes(reason)) need.reasons.push(reason);
    this.byTeam.set(team, need);
  }

  list(): TeamNeed[] {
    return [...this.byTeam.values()];
  }
}

function ownerOf(doc: IdentityDoc | null): string | null {
  const owner = doc?.owner;
  if (owner === null || typeof owner !== 'object') return null;
  const team = (owner as Record<string, unknown>).team;
  return typeof team === 'string' && team !== '' ? team : null;
}
