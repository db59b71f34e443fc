import { tally } from '../report/tally.js';
import type { Outcome } from './outcome.js';

/**
 * The Action's JSON report: the CLI's report (version, today, result,
 * counts, files, findings) plus the mode, the pull request's commits and
 * changed files, the owner-approval verdict (who had to approve, who did,
 * what is missing, which reviews did not count), and a `preExisting` flag
 * on each finding. `counts` and
 * `result` are those of the judged findings, like the step outputs.
 */
export function renderActionJson(outcome: Outcome): string {
  const { report, pullRequest: pr } = outcome;
  const existing = new Set(outcome.existing);
  return `${JSON.stringify(
    {
      version: 1,
      mode: outcome.mode,
      today: report.today,
      result: outcome.failed ? 'fail' : 'pass',
      failOn: outcome.failOn,
      counts: tally(outcome.judged),
      files: report.files,
      pullRequest: pr && {
        number: pr.number,
        baseSha: pr.baseSha,
        headSha: pr.headSha,
        mergeBase: pr.mergeBase,
        fork: pr.fork,
        changes: pr.changes,
        policyChanges: pr.policyChanges,
      },
      approval: outcome.approval,
      findings: report.findings.map((f) => ({
        ...f,
        preExisting: existing.has(f),
      })),
    },
    null,
    2,
  )}\n`;
}
