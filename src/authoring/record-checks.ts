import { closest } from '../evaluate/closest.js';
import { secretKind } from '../evaluate/secrets.js';
import { parseYaml } from '../load/parse.js';
import { InputError } from '../model/input-error.js';
import type { OwnersRegistry } from '../model/owners.js';
import { toDay } from '../time/day.js';

/** What every record command is given, checked by the functions below. */
export interface RecordInput {
  by: string;
  evidence: string;
  /** The day it was done, YYYY-MM-DD in UTC. */
  date: string;
  /** Today in UTC: a record is never dated after it. */
  today: string;
  note?: string;
}

/** The identity document of a file, or InputError naming the line. */
export function readIdentity(text: string): Record<string, unknown> {
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    const { line, message } = parsed.problem;
    throw new InputError(
      `line ${line}: ${message}. Fix the file first (nhi-policy check shows every problem)`,
    );
  }
  return parsed.value;
}

/** Throws InputError unless `key` is a person in the owners registry. */
export function requirePerson(
  owners: OwnersRegistry,
  key: string,
  flag: string,
): void {
  if (owners.people.has(key)) return;
  const guess = closest(key, [...owners.people.keys()]);
  const hint = owners.teams.has(key)
    ? `it is a team: name the person`
    : guess !== null
      ? `did you mean "${guess}"?`
      : `use the key of a person listed under "people:" there`;
  throw new InputError(
    `${flag} "${key}" is not a person in ${owners.file}: ${hint}`,
  );
}

/** Checks the date, evidence and note shared by every record command. */
export function requireRecordInput(input: RecordInput): void {
  requireRecordDate(input.date, input.today);
  requireText('--evidence', input.evidence);
  if (input.note !== undefined) requireText('--note', input.note);
}

/** Throws InputError unless `date` is a real day, not after `today`. */
export function requireRecordDate(date: string, today: string): void {
  const day = toDay(date);
  if (day === null) {
    throw new InputError(`--date "${date}" is not a real date (YYYY-MM-DD)`);
  }
  if (day > (toDay(today) ?? day)) {
    throw new InputError(
      `--date ${date} is in the future (today is ${today} UTC): record what was done, when it was done`,
    );
  }
}

/** Throws InputError when `date` is before an earlier record's date. */
export function requireNotBefore(
  date: string,
  earlier: unknown,
  what: string,
): void {
  if (
    typeof earlier === 'string' &&
    toDay(earlier) !== null &&
    date < earlier
  ) {
    throw new InputError(
      `--date ${date} is before ${what} (${earlier}): records only move forward`,
    );
  }
}

/** Throws InputError unless a text is one short line and no secret. */
export function requireText(flag: string, value: string): void {
  if (/[\r\n]/.test(value) || value.length > 500) {
    throw new InputError(`${flag} must be one line of at most 500 characters`);
  }
  if (secretKind(value) !== null) {
    throw new InputError(
      `${flag} looks like a secret; write a ticket number or a link, never the secret (the value is not shown here)`,
    );
  }
}
