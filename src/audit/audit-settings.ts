/** The `audit` section of the configuration, with defaults filled in. */
export interface AuditSettings {
  /** Days ahead in which something counts as due soon. */
  windowDays: number;
  /** Days ahead in which an expiry counts as due soon, as in rule NHI-143. */
  expiryWindowDays: number;
  /** Team that gets items whose owner is unknown or has no members. */
  fallbackTeam: string;
  /** Label that marks the rolling issues. */
  label: string;
}

export const DEFAULT_AUDIT: AuditSettings = {
  windowDays: 14,
  expiryWindowDays: 30,
  fallbackTeam: 'security',
  label: 'nhi-policy',
};

/** Reads the audit section; the configuration schema already checked it. */
export function auditSettings(section: Record<string, unknown>): AuditSettings {
  return {
    windowDays:
      typeof section.windowDays === 'number'
        ? section.windowDays
        : DEFAULT_AUDIT.windowDays,
    expiryWindowDays:
      typeof section.expiryWindowDays === 'number'
        ? section.expiryWindowDays
        : DEFAULT_AUDIT.expiryWindowDays,
    fallbackTeam:
      typeof section.fallbackTeam === 'string'
        ? section.fallbackTeam
        : DEFAULT_AUDIT.fallbackTeam,
    label:
      typeof section.label === 'string' ? section.label : DEFAULT_AUDIT.label,
  };
}
