import type { Finding } from '../model/finding.js';
import { fromDay, toDay } from '../time/day.js';
import { CODE_RULES } from './code-rules.js';
import { findingAt } from './file-report.js';

type Doc = Record<string, unknown>;

/**
 * Checks the identity files a pull request deletes. A deletion is allowed
 * when the base version is decommissioned, or deprecated with its sunset
 * date reached (on or before the evaluation day) and
 * deprovisioning.completedOn recorded, or when its id lives on in another
 * file (a move). Anything else is an NHI-105 finding on line 1 of the
 * deleted path. `base` maps every identity file of the base commit to its
 * parsed document, or to null when it did not parse.
 */
export function checkDeletions(
  deleted: readonly string[],
  base: ReadonlyMap<string, Doc | null>,
  headIds: ReadonlySet<string>,
  today: number,
): Finding[] {
  const findings: Finding[] = [];
  for (const file of deleted) {
    const doc = base.get(file);
    if (doc === undefined) continue;
    if (typeof doc?.id === 'string' && headIds.has(doc.id)) continue;
    const problem = retirementProblem(doc, today);
    if (problem === null) continue;
    findings.push(
      findingAt(
        CODE_RULES.deletionNotRetired,
        file,
        { line: 1, column: 1 },
        problem,
      ),
    );
  }
  return findings;
}

/** Why a base version may not be deleted yet, or null when it may. */
function retirementProblem(doc: Doc | null, today: number): string | null {
  if (doc === null) {
    return 'this file was deleted, but its base version is not a readable identity, so its retirement cannot be confirmed: fix the file in its own pull request first';
  }
  const name = typeof doc.id === 'string' ? `"${doc.id}"` : 'this identity';
  const status = String(doc.status ?? 'without a status');
  if (status === 'decommissioned') return null;
  if (status !== 'deprecated') {
    return `${name} was deleted while ${status}; only a retired identity may be deleted: set status to decommissioned first`;
  }
  const steps = asDoc(doc.deprovisioning);
  const sunset = typeof steps?.sunset === 'string' ? steps.sunset : '';
  const sunsetDay = toDay(sunset);
  if (sunsetDay === null || sunsetDay > today) {
    const when =
      sunsetDay === null
        ? 'has no sunset date'
        : `sunsets on ${fromDay(sunsetDay)}`;
    return `${name} was deleted while deprecated, and it ${when}: wait for the sunset, then record deprovisioning.completedOn`;
  }
  if (typeof steps?.completedOn !== 'string') {
    return `${name} was deleted after its sunset, but deprovisioning.completedOn is not recorded: record when it was shut down first`;
  }
  return null;
}

function asDoc(value: unknown): Doc | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Doc)
    : undefined;
}
