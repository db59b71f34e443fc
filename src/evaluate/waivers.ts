import type { ValidateFunction } from 'ajv';
import type { Finding } from '../model/finding.js';
import type { Waiver } from '../model/waiver.js';
import { decodeUtf8 } from '../load/decode.js';
import { createLocator } from '../load/locate.js';
import { parseYaml } from '../load/parse.js';
import type { Entry, Source } from '../load/source.js';
import { toDay } from '../time/day.js';
import { CODE_RULES, UNWAIVABLE } from './code-rules.js';
import { describeError } from './describe-error.js';
import { findingAt } from './file-report.js';
import { showValue } from './show-value.js';

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
  for (const entry of listWaivers(source, dir, result)) {
    const file = entry.path;
    const problem = (line: number, column: number, message: string) =>
      result.findings.push(
        findingAt(CODE_RULES.waiverInvalid, file, { line, column }, message),
      );
    if (entry.type !== 'file') {
      problem(
        1,
        1,
        'the waiver is a link or folder, not a file; links are never followed, so it waives nothing',
      );
      continue;
    }
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
 * The YAML entries of the waivers folder. A folder that cannot be listed
 * (a link, a file) is a finding on it, and waives nothing.
 */
function listWaivers(
  source: Source,
  dir: string,
  result: LoadedWaivers,
): Entry[] {
  const where = (message: string) =>
    result.findings.push(
      findingAt(CODE_RULES.waiverInvalid, dir, { line: 1, column: 1 }, message),
    );
  let entries: Entry[] | null;
  try {
    entries = source.list(dir);
  } catch (error) {
    where(
      `the waivers folder cannot be read (${(error as Error).message}), so no waiver applies`,
    );
    return [];
  }
  return (entries ?? []).filter(
    (e) => e.type !== 'directory' && /\.ya?ml$/i.test(e.path),
  );
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
    /** The team whose members may approve waivers, with its members. */
    approvers: { team: string; members: ReadonlySet<string> };
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
    const refusal = approvalProblem(waiver, context);
    if (refusal) {
      extra.push(
        findingAt(CODE_RULES.waiverInvalid, waiver.file, top, refusal),
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

/** Longest a waiver may run, from the evaluation day. */
const MAX_WAIVER_DAYS = 366;

/**
 * Why a waiver cannot apply although it is well-formed: an approver who is
 * not in the team that approves risky changes, or an expiry so far off that
 * the exception would outlive its review.
 */
function approvalProblem(
  waiver: Waiver,
  context: {
    today: number;
    approvers: { team: string; members: ReadonlySet<string> };
  },
): string | null {
  const { team, members } = context.approvers;
  if (!members.has(waiver.approvedBy)) {
    return (
      `approvedBy ${showValue(waiver.approvedBy)} is not a member of team "${team}" in the owners registry: ` +
      'a waiver is approved by a member of the team that approves risky changes'
    );
  }
  if ((toDay(waiver.expires) ?? 0) - context.today > MAX_WAIVER_DAYS) {
    return `the waiver runs until ${waiver.expires}, more than a year from now: set an expiry within 12 months and review it then`;
  }
  return null;
}
