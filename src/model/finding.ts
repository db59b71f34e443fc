/** How much a finding matters; the same three levels SARIF uses. */
export type Severity = 'error' | 'warning' | 'note';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

/** A place in a file, 1-based like an editor shows it. */
export interface Position {
  line: number;
  column: number;
}

/**
 * One broken rule at one place. Findings are plain data: the engine returns
 * them and the reporters render them; nothing else is needed to explain one.
 */
export interface Finding extends Position {
  ruleId: string;
  severity: Severity;
  /** Repository-relative path with forward slashes. */
  file: string;
  /** JSON pointer into the identity document, '' for the whole file. */
  pointer: string;
  message: string;
  remediation: string;
  /** Set when a waiver covers the finding; waived findings never fail. */
  waivedBy?: string;
}

/** Sorts most severe first, then by file, line and column. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId)
  );
}

/** 0 for error, 1 for warning, 2 for note. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
