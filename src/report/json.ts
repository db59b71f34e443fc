import type { FailOn } from '../config/config.js';
import type { CheckReport } from '../evaluate/check-inventory.js';
import { fails, tally } from './tally.js';

/** The machine-readable report; its shape is documented in docs/reports.md. */
export function renderJson(report: CheckReport, failOn: FailOn): string {
  return `${JSON.stringify(
    {
      version: 1,
      today: report.today,
      result: fails(report.findings, failOn) ? 'fail' : 'pass',
      counts: tally(report.findings),
      files: report.files,
      findings: report.findings,
    },
    null,
    2,
  )}\n`;
}
