import type { ValidateFunction } from 'ajv';
import type { Finding } from '../model/finding.js';
import type { Waiver } from '../model/waiver.js';
import { decodeUtf8 } from '../load/decode.js';
import { createLocator } from '../load/locate.js';
import { parseYaml } from '../load/parse.js';
import type { Source } from '../load/source.js';
import { toDay } from '../time/day.js';
import { CODE_RULES, UNWAIVABLE } from './code-rules.js';
import { describeError } from './describe-error.js';
import { findingAt } from './file-report.js';

const MAX_WAIVER_BYTES = 64 * 1024;

export interface LoadedWaivers {
  waivers: Waiver[];
  /** Problems with waiver files themselves. */
  findings: Finding[];
}

/**
 * Reads every YAML file in the waivers folder. A broken waiver is a finding
 * on the waiver file (it waives nothing), never a reason to stop the check.
 */
export function loadWaivers(
  source: Source,
  dir: string,
  validate: ValidateFunction,
  schema: Record<string, unknown>,
): LoadedWaivers {
  const result: LoadedWaivers = { waivers: [], findings: [] };
  const entries = source.list(dir) ?? [];
  for (const entry of entries) {
    if (entry.type !== 'file' || !/\.ya?ml$/i.test(entry.path)) continue;
    const file = entry.path;
    const problem = (line: number, column: number, message: string) =>
      result.findings.push(
        findingAt(CODE_RULES.waiverInvalid, file, { line, column }, message),
      );
    let bytes: Buffer;
    try {
      bytes = source.read(file, MAX_WAIVER_BYTES);
    } catch (error) {
      problem(1, 1, `the waiver cannot be read: ${(error as Error).message}`);
      continue;
    }
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) {
      problem(
        decoded.position.line,
        decoded.position.column,
        'the waiver is not saved as UTF-8',
      );
      continue;
    }
    const parsed = parseYaml(decoded.text);
    if (!parsed.ok) {
      problem(
        parsed.problem.line,
        parsed.problem.column,
        parsed.problem.message,
      );
      continue;
    }
    if (!validate(parsed.value)) {
      const locator = createLocator(decoded.text);
      for (const error of validate.errors ?? []) {
        const { pointer, message } = describeError(error, schema);
        const at = locator.locate(pointer);
        problem(at.line, at.column, message);
      }
      continue;
    }
    result.waivers.push({
      ...(parsed.value as unknown as Omit<Waiver, 'file'>),
      file,
    });
  }
  return result;
}

/**
 * Marks findings covered by a waiver that has not expired, and reports
 * waivers that name an unknown rule or identity, or that expired. A waiver
 * stops applying on the day after its expiry date.
 */
export function applyWaivers(
  findings: Finding[],
  waivers: Waiver[],
  context: {
    today: number;
    identityFiles: Map<string, string>;
    ruleIds: Set<string>;
  },
): Finding[] {
  const extra: Finding[] = [];
  const active = new Map<string, Waiver>();
  for (const waiver of waivers) {
    const top = { line: 1, column: 1 };
    if (!context.ruleIds.has(waiver.rule) || UNWAIVABLE.has(waiver.rule)) {
      extra.push(
        findingAt(
          CODE_RULES.waiverInvalid,
          waiver.file,
          top,
          UNWAIVABLE.has(waiver.rule)
            ? `rule ${waiver.rule} cannot be waived: fix the identity instead`
            : `rule ${waiver.rule} does not exist: check the rule id in the report`,
        ),
      );
      continue;
    }
    const file = context.identityFiles.get(waiver.identity);
    if (!file) {
      extra.push(
        findingAt(
          CODE_RULES.waiverInvalid,
          waiver.file,
          top,
          `identity "${waiver.identity}" does not exist: fix the id or delete the waiver`,
        ),
      );
      continue;
    }
    if ((toDay(waiver.expires) ?? 0) < context.today) {
      extra.push(
        findingAt(
          CODE_RULES.waiverExpired,
          waiver.file,
          top,
          `the waiver of ${waiver.rule} for "${waiver.identity}" expired on ${waiver.expires}; the rule applies again`,
        ),
      );
      continue;
    }
    active.set(`${file}|${waiver.rule}`, waiver);
  }
  for (const finding of findings) {
    const waiver = active.get(`${finding.file}|${finding.ruleId}`);
    if (waiver) finding.waivedBy = waiver.file;
  }
  return extra;
}
