import type { OwnersRegistry, Person, Team } from '../../src/model/owners.js';
import {
  DEFAULT_APPROVALS,
  type ApprovalSettings,
} from '../../src/approvals/approval-settings.js';

/**
 * A small registry: payments (dana, erin), platform (frank), release
 * (oliver and the declared bot acme-release[bot]), security (grace).
 */
export function registry(): OwnersRegistry {
  const person = (key: string, github: string, bot = false): Person => ({
    key,
    name: key,
    github,
    bot,
  });
  const team = (key: string, members: string[]): Team => ({
    key,
    name: key,
    github: `acme/${key}`,
    members,
    escalation: [],
  });
  const people = [
    person('dana', 'Dana-GH'),
    person('erin', 'erin-gh'),
    person('frank', 'frank-gh'),
    person('grace', 'grace-gh'),
    person('oliver', 'oliver-gh'),
    person('release-bot', 'acme-release[bot]', true),
  ];
  const teams = [
    team('payments', ['dana', 'erin']),
    team('platform', ['frank']),
    team('release', ['oliver', 'release-bot']),
    team('security', ['grace']),
  ];
  return {
    file: 'owners.yaml',
    teams: new Map(teams.map((t) => [t.key, t])),
    people: new Map(people.map((p) => [p.key, p])),
  };
}

/** The default approval settings with `changes` applied. */
export function settings(
  changes: Partial<ApprovalSettings> = {},
): ApprovalSettings {
  return { ...DEFAULT_APPROVALS, ...changes };
}
