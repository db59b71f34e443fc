import { auditSettings } from '../audit/audit-settings.js';
import type { Config } from '../config/config.js';

/**
 * The team told first about a suspected leak and asked to verify
 * rotations: approvals.securityTeam when the configuration names one,
 * else the audit's fallback team (default security).
 */
export function securityTeamOf(config: Config): string {
  const named = config.approvals.securityTeam;
  return typeof named === 'string'
    ? named
    : auditSettings(config.audit).fallbackTeam;
}
