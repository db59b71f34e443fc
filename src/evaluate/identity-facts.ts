/** What the cross-file rules need to know of one identity file. */
export interface IdentityFacts {
  file: string;
  id: string | null;
  team: string | null;
  individual: string | null;
  /** Secret locations as `backend:ref`, with the pointer of each storage. */
  storage: { pointer: string; location: string }[];
}

/** Extracts the cross-file facts from a loaded identity document. */
export function factsOf(
  file: string,
  doc: Record<string, unknown>,
): IdentityFacts {
  const owner = asRecord(doc.owner);
  const storage: IdentityFacts['storage'] = [];
  const credentials = Array.isArray(doc.credentials) ? doc.credentials : [];
  credentials.forEach((credential, i) => {
    const stored = asRecord(asRecord(credential)?.storage);
    if (typeof stored?.backend === 'string' && typeof stored.ref === 'string') {
      storage.push({
        pointer: `/credentials/${i}/storage/ref`,
        location: own(
          `${stored.backend}:${stored.ref.trim().replace(/\/+$/, '')}`,
        ),
      });
    }
  });
  return {
    file,
    id: text(doc.id),
    team: text(owner?.team),
    individual: text(owner?.individual),
    storage,
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? own(value) : null;
}

/**
 * A copy of a string that shares no memory with the file it came from.
 * Loaded values can be slices of the whole file's text, so keeping one for
 * the cross-file rules would keep every file in memory until the end.
 */
function own(value: string): string {
  return value.length < 13
    ? value
    : Buffer.from(value, 'utf8').toString('utf8');
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
