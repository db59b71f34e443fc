import type { Finding, Severity } from '../model/finding.js';
import type { Rule } from '../model/rule.js';
import type { PointedFinding } from './identity-checker.js';
import { showPointer } from './show-value.js';

/**
 * Builds a finding for a rule at a known position. The pointer is kept for
 * reports, with any secret-like field name in it hidden.
 */
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
    pointer: showPointer(options.pointer ?? ''),
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
