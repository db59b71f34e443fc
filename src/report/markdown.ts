import type { FailOn } from '../config/config.js';
import type { CheckReport } from '../evaluate/check-inventory.js';
import type { Finding } from '../model/finding.js';
import { escapeMarkdown as md } from './escape-markdown.js';
import { describeTally, fails, tally } from './tally.js';
import { groupByFile } from './text.js';

const ICONS = { error: '🔴', warning: '🟡', note: '🔵' } as const;
const WAIVED = '⚪ waived';

/**
 * A Markdown report: the verdict first, then a table per file. When the full
 * report would pass `maxBytes`, a shorter one lists counts per file instead,
 * and the longest file lists are cut with a visible note.
 */
export function renderMarkdown(
  report: CheckReport,
  failOn: FailOn,
  maxBytes = Infinity,
): string {
  const head = verdict(report, failOn);
  const budget = maxBytes - Buffer.byteLength(head) - 1;
  const tables = renderFindingTables(report.findings, budget);
  return tables === '' ? head : `${head}\n${tables}`;
}

/**
 * The findings alone, one table per file, for callers that write their own
 * verdict. When the tables would pass `maxBytes`, counts per file instead.
 */
export function renderFindingTables(
  findings: readonly Finding[],
  maxBytes = Infinity,
): string {
  const full = detailed(findings).join('\n');
  if (Buffer.byteLength(full) <= maxBytes) return full;
  return compact(findings, maxBytes);
}

function verdict(report: CheckReport, failOn: FailOn): string {
  const failed = fails(report.findings, failOn);
  const counts = tally(report.findings);
  const head = failed
    ? '## ❌ nhi-policy: changes needed'
    : '## ✅ nhi-policy: all identity files comply';
  const { files } = report;
  return [
    head,
    '',
    `Checked ${files.checked} identity ${files.checked === 1 ? 'file' : 'files'} on ${report.today}: ${describeTally(counts)}.` +
      (files.skipped.length
        ? ` ${files.skipped.length} skipped by ignore patterns.`
        : ''),
    '',
  ].join('\n');
}

function detailed(all: readonly Finding[]): string[] {
  const out: string[] = [];
  for (const [file, findings] of groupByFile(all)) {
    out.push(
      `### ${md(file)}`,
      '',
      '| Line | Severity | Rule | Problem | How to fix |',
      '| ---: | --- | --- | --- | --- |',
    );
    for (const f of findings) out.push(row(f));
    out.push('');
  }
  return out;
}

/** A waived finding shows "waived", not its severity: it is not counted. */
function row(f: Finding): string {
  const severity = f.waivedBy
    ? `${WAIVED} (by ${md(f.waivedBy)})`
    : `${ICONS[f.severity]} ${f.severity}`;
  return `| ${f.line}:${f.column} | ${severity} | ${f.ruleId} | ${md(f.message)} | ${md(f.remediation)} |`;
}

function compact(all: readonly Finding[], maxBytes: number): string {
  const out = [
    'The full list is too long for this page; it is in the JSON and SARIF reports.',
    '',
    '| File | Errors | Warnings | Notes |',
    '| --- | ---: | ---: | ---: |',
  ];
  let size = Buffer.byteLength(out.join('\n')) + 1024;
  const groups = [...groupByFile(all)];
  for (const [index, [file, findings]] of groups.entries()) {
    const t = tally(findings);
    const line = `| ${md(file)} | ${t.error} | ${t.warning} | ${t.note} |`;
    size += Buffer.byteLength(line) + 1;
    if (size > maxBytes) {
      out.push('', `…and ${groups.length - index} more files with findings.`);
      break;
    }
    out.push(line);
  }
  return `${out.join('\n')}\n`;
}
