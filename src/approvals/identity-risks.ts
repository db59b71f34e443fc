import type { Risk } from './approval-settings.js';
import type { IdentityChange, IdentityDoc } from './pair-identity-changes.js';

const PRIVILEGE_RANK: Record<string, number> = {
  none: 0,
  read: 1,
  write: 2,
  admin: 3,
};

/**
 * The risks of one identity change that call for the security team:
 * production in either version, write or admin privilege in either
 * version, scopes or privilege wider after than before, and deletion.
 * An added identity has nothing to widen: its owners approve what it gets.
 */
export function identityRisks(c: IdentityChange): Risk[] {
  const versions = [c.before, c.after].filter(
    (d): d is IdentityDoc => d !== null,
  );
  const risks: Risk[] = [];
  if (versions.some((d) => d.environment === 'production')) {
    risks.push('production');
  }
  if (versions.some((d) => rankOf(d) >= PRIVILEGE_RANK.write!)) {
    risks.push('privilege');
  }
  if (c.before && c.after && widens(c.before, c.after)) risks.push('scopes');
  if (!c.remains) risks.push('deletion');
  return risks;
}

function widens(before: IdentityDoc, after: IdentityDoc): boolean {
  if (rankOf(after) > rankOf(before)) return true;
  const had = new Set(scopesOf(before));
  return scopesOf(after).some((s) => !had.has(s));
}

function accessOf(doc: IdentityDoc): Record<string, unknown> {
  const access = doc.access;
  return access !== null && typeof access === 'object'
    ? (access as Record<string, unknown>)
    : {};
}

function rankOf(doc: IdentityDoc): number {
  const privilege = accessOf(doc).privilege;
  return typeof privilege === 'string' ? (PRIVILEGE_RANK[privilege] ?? 0) : 0;
}

function scopesOf(doc: IdentityDoc): string[] {
  const scopes = accessOf(doc).scopes;
  return Array.isArray(scopes) ? scopes.map(String) : [];
}
