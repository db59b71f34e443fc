import type { Finding } from '../model/finding.js';

/** Findings split by whether the pull request is answerable for them. */
export interface Classified {
  /** In a file the pull request changed, or new since its branch began. */
  introduced: Finding[];
  /** Already there, the same, where the branch began. */
  existing: Finding[];
}

/**
 * Splits the findings at the head commit. A finding in a changed file is
 * the pull request's. A finding in an unchanged file is too, unless the
 * same finding (rule, file, place, message) is in `before`, the findings
 * where the branch began: a duplicate id that the pull request adds can be
 * flagged on the older file, and must still fail the pull request.
 */
export function classifyFindings(
  head: readonly Finding[],
  before: readonly Finding[],
  changed: ReadonlySet<string>,
): Classified {
  const earlier = new Map<string, number>();
  for (const f of before)
    earlier.set(keyOf(f), (earlier.get(keyOf(f)) ?? 0) + 1);
  const result: Classified = { introduced: [], existing: [] };
  for (const f of head) {
    const left = earlier.get(keyOf(f)) ?? 0;
    if (changed.has(f.file) || left === 0) {
      result.introduced.push(f);
    } else {
      earlier.set(keyOf(f), left - 1);
      result.existing.push(f);
    }
  }
  return result;
}

function keyOf(f: Finding): string {
  return [f.ruleId, f.file, f.line, f.column, f.message].join('\u0000');
}
