import type { CheckReport } from '../evaluate/check-inventory.js';
import type { Finding, Severity } from '../model/finding.js';
import { describeTally, tally } from './tally.js';

const COLORS: Record<Severity | 'dim' | 'bold', [string, string]> = {
  error: ['\u001b[31m', '\u001b[39m'],
  warning: ['\u001b[33m', '\u001b[39m'],
  note: ['\u001b[36m', '\u001b[39m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  bold: ['\u001b[1m', '\u001b[22m'],
};

/**
 * The report for a person at a terminal: findings grouped by file, each
 * with line, column, severity ("waived" when a waiver covers it, since it
 * is not counted), rule, message and how to fix it, then one tally line.
 * Colour only when asked (the CLI asks on a terminal).
 */
export function renderText(report: CheckReport, color: boolean): string {
  const paint = (style: keyof typeof COLORS, text: string) =>
    color ? `${COLORS[style][0]}${text}${COLORS[style][1]}` : text;
  const lines: string[] = [];
  const byFile = groupByFile(report.findings);

  for (const [file, findings] of byFile) {
    lines.push(paint('bold', safe(file)));
    // A rule's fix is shown once per file, under its first finding.
    const explained = new Set<string>();
    for (const f of findings) {
      const place = `${f.line}:${f.column}`.padEnd(7);
      const severity = f.waivedBy
        ? paint('dim', 'waived'.padEnd(7))
        : paint(f.severity, f.severity.padEnd(7));
      const waived = f.waivedBy
        ? paint('dim', ` (waived by ${safe(f.waivedBy)})`)
        : '';
      lines.push(
        `  ${place} ${severity} ${f.ruleId}  ${safe(f.message)}${waived}`,
      );
      if (!explained.has(f.ruleId)) {
        explained.add(f.ruleId);
        lines.push(paint('dim', `          fix: ${safe(f.remediation)}`));
      }
    }
    lines.push('');
  }

  const { files } = report;
  const skipped = files.skipped.length
    ? `, ${files.skipped.length} skipped`
    : '';
  lines.push(
    `Checked ${files.checked} identity ${files.checked === 1 ? 'file' : 'files'} ` +
      `(${files.found} found${skipped}) on ${report.today}: ${describeTally(tally(report.findings))}.`,
  );
  return `${lines.join('\n')}\n`;
}

/** Findings grouped by file, files in path order. */
export function groupByFile(
  findings: readonly Finding[],
): Map<string, Finding[]> {
  const sorted = [...findings].sort((a, b) =>
    a.file < b.file
      ? -1
      : a.file > b.file
        ? 1
        : a.line - b.line || a.column - b.column,
  );
  const groups = new Map<string, Finding[]>();
  for (const f of sorted)
    groups.set(f.file, [...(groups.get(f.file) ?? []), f]);
  return groups;
}

/** Drops control characters so a file cannot drive the terminal. */
function safe(text: string): string {
  // A line break too: a file name must not start a line of its own, where
  // a runner would read it as a workflow command.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
