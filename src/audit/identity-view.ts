/** The parts of an identity document the audit reads, safely typed. */
export interface CredentialView {
  id: string;
  type: string;
  status: string;
  stored: boolean;
  lastRotated?: string;
  created?: string;
  expires?: string;
  intervalDays?: number;
  automatic: boolean;
  verifiedBy?: string;
}

export interface IdentityView {
  file: string;
  id: string;
  status: string;
  team?: string;
  individual?: string;
  credentials: CredentialView[];
  review?: {
    intervalDays?: number;
    lastReviewed?: string;
    reviewedBy?: string;
  };
  sunset?: string;
}

/**
 * Reads an identity document defensively: the audit runs on files that may
 * also have findings, so every field is checked before it is used.
 */
export function viewIdentity(
  file: string,
  doc: Record<string, unknown>,
): IdentityView | null {
  const id = str(doc.id);
  if (!id) return null;
  const owner = rec(doc.owner);
  const review = rec(doc.review);
  const credentials = (Array.isArray(doc.credentials) ? doc.credentials : [])
    .map(rec)
    .filter((c): c is Record<string, unknown> => c !== undefined)
    .map(viewCredential);
  return {
    file,
    id,
    status: str(doc.status) ?? 'active',
    team: str(owner?.team),
    individual: str(owner?.individual),
    credentials,
    review: review && {
      intervalDays: int(review.intervalDays),
      lastReviewed: str(review.lastReviewed),
      reviewedBy: str(review.reviewedBy),
    },
    sunset: str(rec(doc.deprovisioning)?.sunset),
  };
}

function viewCredential(
  c: Record<string, unknown>,
  index: number,
): CredentialView {
  const rotation = rec(c.rotation);
  return {
    id: str(c.id) ?? `#${index + 1}`,
    type: str(c.type) ?? 'unknown',
    status: str(c.status) ?? 'active',
    stored: rec(c.storage) !== undefined,
    lastRotated: str(c.lastRotated),
    created: str(c.created),
    expires: str(c.expires),
    intervalDays: int(rotation?.intervalDays),
    automatic: rotation?.method === 'automatic',
    verifiedBy: str(rotation?.verifiedBy),
  };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function int(value: unknown): number | undefined {
  return Number.isInteger(value) && (value as number) > 0
    ? (value as number)
    : undefined;
}

function rec(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
