import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderSarif } from '../report/sarif.js';
import { tally } from '../report/tally.js';
import { renderText } from '../report/text.js';
import { VERSION } from '../version.js';
import { renderActionJson } from './action-json.js';
import type { GitHubApi } from './github-api.js';
import type { Outcome } from './outcome.js';
import { publishApproval } from './publish-approval.js';
import type { Runtime } from './runtime.js';
import { selectAnnotations } from './select-annotations.js';
import type { Settings } from './settings.js';
import { renderSummary } from './summary.js';

/**
 * Reports an outcome everywhere GitHub shows results: every finding in the
 * log, annotations for the judged ones, the owner-approval commit status,
 * the job summary, the SARIF and JSON files, and the step outputs. A
 * report that cannot be written becomes a warning that says why; it never
 * changes the verdict.
 */
export async function publish(
  outcome: Outcome,
  settings: Settings,
  runtime: Runtime,
  api: () => GitHubApi,
): Promise<void> {
  runtime.group('Findings', () => runtime.dump(logLines(outcome)));
  const annotations = selectAnnotations(
    outcome.judged,
    outcome.report.rules,
    settings.maxAnnotations,
  );
  for (const annotation of annotations) runtime.annotate(annotation);

  const files = runtime.group('Write the reports', () => ({
    sarif: writeReport(runtime, 'SARIF report', settings.sarifFile, () =>
      renderSarif(outcome.report, VERSION),
    ),
    json: writeReport(runtime, 'JSON report', settings.jsonFile, () =>
      renderActionJson(outcome),
    ),
  }));
  const { approval } = outcome;
  const statusNote = approval
    ? await runtime.group('Write the owner-approval status', () =>
        publishApproval(approval, api, settings.runUrl, runtime),
      )
    : '';
  try {
    await runtime.writeSummary(renderSummary(outcome, statusNote));
  } catch (error) {
    runtime.warning(`The job summary was not written: ${reason(error)}`);
  }
  setOutputs(runtime, outcome, files);
}

/**
 * Every finding as the CLI prints it. File names may hold line breaks:
 * they are replaced first, so that each finding stays on its own lines.
 */
function logLines(outcome: Outcome): string[] {
  const findings = outcome.report.findings.map((f) => ({
    ...f,
    file: oneLine(f.file),
  }));
  const text = renderText({ ...outcome.report, findings }, false);
  return text.trimEnd().split('\n');
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]/g, '\ufffd');
}

/** Writes one report file; returns its path, or '' after a warning. */
function writeReport(
  runtime: Runtime,
  what: string,
  file: string,
  render: () => string,
): string {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, render());
    runtime.info(`Wrote the ${what} to ${file}.`);
    return file;
  } catch (error) {
    runtime.warning(`The ${what} was not written to ${file}: ${reason(error)}`);
    return '';
  }
}

function setOutputs(
  runtime: Runtime,
  outcome: Outcome,
  files: { sarif: string; json: string },
): void {
  const counts = tally(outcome.judged);
  runtime.setOutput('result', outcome.failed ? 'fail' : 'pass');
  runtime.setOutput('errors', String(counts.error));
  runtime.setOutput('warnings', String(counts.warning));
  runtime.setOutput('notes', String(counts.note));
  runtime.setOutput('waived', String(counts.waived));
  runtime.setOutput('sarif-file', files.sarif);
  runtime.setOutput('json-file', files.json);
  const a = outcome.approval;
  runtime.setOutput(
    'approval',
    a === null ? 'off' : a.kind === 'verdict' ? a.verdict.state : a.kind,
  );
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
