import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Severity } from '../model/finding.js';
import type { AppliesTo, Rule } from '../model/rule.js';
import type { Policy } from '../policy/policy.js';
import { describeError } from './describe-error.js';

/** Per-rule settings from the configuration file. */
export type RuleSettings = Record<
  string,
  { enabled?: boolean; severity?: Severity }
>;

/** A broken rule before it has a file position. */
export interface PointedFinding {
  rule: Rule;
  severity: Severity;
  pointer: string;
  message: string;
}

interface CompiledPolicy {
  rule: Rule;
  severity: Severity;
  schema: Record<string, unknown>;
  validate: ValidateFunction;
}

export type IdentityChecker = (
  doc: Record<string, unknown>,
) => PointedFinding[];

/**
 * Prepares the identity schema and every enabled policy (compiled once,
 * with the workspace) for one evaluation day, and returns a function that
 * checks one document against all of them. Each policy keeps its own
 * validator so that every error is attributed to exactly one rule id.
 */
export function createIdentityChecker(
  policies: Policy[],
  today: number,
  settings: RuleSettings,
): IdentityChecker {
  const context = { today };
  const compiled: CompiledPolicy[] = [];
  for (const policy of policies) {
    const setting = settings[policy.rule.id] ?? {};
    if (setting.enabled === false) continue;
    compiled.push({
      rule: policy.rule,
      severity: setting.severity ?? policy.rule.severity,
      schema: policy.schema,
      validate: policy.validate,
    });
  }

  return (doc) => {
    const findings: PointedFinding[] = [];
    for (const policy of compiled) {
      if (!applies(policy.rule.appliesTo, doc)) continue;
      if (policy.validate.call(context, doc)) continue;
      for (const error of relevant(policy.validate.errors ?? [])) {
        const { pointer, message } = describeError(error, policy.schema);
        findings.push({
          rule: policy.rule,
          severity: policy.severity,
          pointer,
          message,
        });
      }
    }
    return findings;
  };
}

/** Drops Ajv's "must match then/else" summaries; the cause is reported. */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (e.keyword === 'if') return false;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function applies(
  scope: AppliesTo | undefined,
  doc: Record<string, unknown>,
): boolean {
  if (!scope) return true;
  return (
    within(scope.kinds, doc.kind) &&
    within(scope.environments, doc.environment) &&
    within(scope.statuses, doc.status)
  );
}

function within(allowed: string[] | undefined, value: unknown): boolean {
  return (
    allowed === undefined ||
    (typeof value === 'string' && allowed.includes(value))
  );
}
