import type { Policy } from '../policy/policy.js';

/**
 * The storage backends the inventory's storage policy (NHI-130) accepts,
 * read from the first `backend` enum in it; null when it names none (a
 * custom policy, or the rule switched off), so any backend may be typed.
 */
export function approvedBackends(policies: readonly Policy[]): string[] | null {
  const policy = policies.find((p) => p.rule.id === 'NHI-130');
  return policy ? findBackendEnum(policy.schema) : null;
}

function findBackendEnum(node: unknown): string[] | null {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findBackendEnum(item);
      if (found) return found;
    }
    return null;
  }
  if (node === null || typeof node !== 'object') return null;
  const fields = node as Record<string, unknown>;
  const backend = fields.backend as { enum?: unknown } | undefined;
  if (Array.isArray(backend?.enum)) return backend.enum.map(String);
  for (const value of Object.values(fields)) {
    const found = findBackendEnum(value);
    if (found) return found;
  }
  return null;
}
