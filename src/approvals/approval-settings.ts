import type { Config } from '../config/config.js';
import { ConfigError } from '../model/config-error.js';
import type { OwnersRegistry } from '../model/owners.js';

/** A change that adds the security team to the required approvers. */
export type Risk =
  'production' | 'privilege' | 'scopes' | 'deletion' | 'waivers' | 'policy';

/** Where the members of a team come from. */
export type MembershipSource = 'registry' | 'github';

/** The `approvals` section of the configuration, with defaults filled in. */
export interface ApprovalSettings {
  /** False switches the owner-approval gate off. */
  enabled: boolean;
  /** The team that approves risky changes. */
  securityTeam: string;
  /** The team that approves for an owner that is unknown or gone. */
  fallbackTeam: string;
  membership: MembershipSource;
  /** The risks that add the security team. */
  securityFor: Risk[];
  /** Approvals needed from each team, by team key; 1 when not listed. */
  minimumApprovals: Record<string, number>;
}

export const RISKS: readonly Risk[] = [
  'production',
  'privilege',
  'scopes',
  'deletion',
  'waivers',
  'policy',
];

export const DEFAULT_APPROVALS: ApprovalSettings = {
  enabled: true,
  securityTeam: 'security',
  fallbackTeam: 'security',
  membership: 'registry',
  securityFor: [...RISKS],
  minimumApprovals: {},
};

/**
 * Reads the approvals section of a configuration that the schema already
 * checked, and makes sure every team it names is in the owners registry.
 * `fallbackTeam` defaults to `securityTeam`. Throws ConfigError naming the
 * configuration file when a team is unknown.
 */
export function readApprovalSettings(
  config: Config,
  owners: OwnersRegistry,
): ApprovalSettings {
  const raw = config.approvals;
  const d = DEFAULT_APPROVALS;
  const securityTeam = text(raw.securityTeam) ?? d.securityTeam;
  const settings: ApprovalSettings = {
    enabled: typeof raw.enabled === 'boolean' ? raw.enabled : d.enabled,
    securityTeam,
    fallbackTeam: text(raw.fallbackTeam) ?? securityTeam,
    membership: raw.membership === 'github' ? 'github' : d.membership,
    securityFor: Array.isArray(raw.securityFor)
      ? RISKS.filter((r) => (raw.securityFor as unknown[]).includes(r))
      : d.securityFor,
    minimumApprovals: counts(raw.minimumApprovals),
  };
  if (settings.enabled) checkTeams(settings, owners, config.file);
  return settings;
}

function checkTeams(
  settings: ApprovalSettings,
  owners: OwnersRegistry,
  file: string | null,
): void {
  const named = [
    ['approvals.securityTeam', settings.securityTeam],
    ['approvals.fallbackTeam', settings.fallbackTeam],
    ...Object.keys(settings.minimumApprovals).map((team) => [
      'approvals.minimumApprovals',
      team,
    ]),
  ];
  for (const [where, team = ''] of named) {
    if (owners.teams.has(team)) continue;
    throw new ConfigError(
      `${where} names the team "${team}", which is not in the owners ` +
        `registry ${owners.file}: add the team there, or name another team`,
      file ?? undefined,
    );
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function counts(value: unknown): Record<string, number> {
  if (value === null || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value).filter(([, n]) => typeof n === 'number'),
  );
}
