import type { Finding, Severity } from '../model/finding.js';
import type { Rule } from '../model/rule.js';
import type { PointedFinding } from './identity-checker.js';

/** Builds a finding for a rule at a known position. */
export function findingAt(
  rule: Rule,
  file: string,
  position: { line: number; column: number },
  message: string,
  options: { pointer?: string; severity?: Severity } = {},
): Finding {
  return {
    ruleId: rule.id,
    severity: options.severity ?? rule.severity,
    file,
    line: position.line,
    column: position.column,
    pointer: options.pointer ?? '',
    message,
    remediation: rule.remediation,
  };
}

/** A finding that knows its pointer but not yet its line and column. */
export function pointed(
  rule: Rule,
  pointer: string,
  message: string,
  severity: Severity = rule.severity,
): PointedFinding {
  return { rule, severity, pointer, message };
}
