/**
 * The one candidate that a typo most likely meant, or null when none is
 * close enough to suggest with confidence (so users get one precise "did you
 * mean", never a list of guesses).
 */
export function closest(
  typed: string,
  candidates: readonly string[],
): string | null {
  const lower = typed.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.min(3, Math.floor(typed.length / 3)));
  if (bestDistance <= allowed) return best;
  // A shortened key ("payments" for "payments-platform") is a likely slip
  // too, when exactly one candidate extends it.
  const extending = candidates.filter((c) =>
    c.toLowerCase().startsWith(`${lower}-`),
  );
  return extending.length === 1 ? (extending[0] ?? null) : null;
}

/** Levenshtein distance with two rolling rows. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution =
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(
        Math.min(
          (previous[j] ?? 0) + 1,
          (current[j - 1] ?? 0) + 1,
          substitution,
        ),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
