import type { FailOn } from '../config/config.js';
import { severityRank, type Finding, type Severity } from '../model/finding.js';

export interface Tally {
  error: number;
  warning: number;
  note: number;
  waived: number;
}

/** Counts findings by severity; waived findings are counted apart. */
export function tally(findings: readonly Finding[]): Tally {
  const counts: Tally = { error: 0, warning: 0, note: 0, waived: 0 };
  for (const f of findings) {
    if (f.waivedBy) counts.waived++;
    else counts[f.severity]++;
  }
  return counts;
}

/** True when an unwaived finding is at or above the failing severity. */
export function fails(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const limit = severityRank(failOn);
  return findings.some((f) => !f.waivedBy && severityRank(f.severity) <= limit);
}

/** "3 errors, 1 warning, 0 notes". */
export function describeTally(counts: Tally): string {
  const part = (n: number, word: Severity) =>
    `${n} ${word}${n === 1 ? '' : 's'}`;
  const waived = counts.waived ? ` (${counts.waived} waived)` : '';
  return `${part(counts.error, 'error')}, ${part(counts.warning, 'warning')}, ${part(counts.note, 'note')}${waived}`;
}
