import jsyaml from './js-yaml-cjs.cjs';
import type { Position } from '../model/finding.js';
import { secretKind } from '../evaluate/secrets.js';

/** Limits that hold for every file, whichever parser reads it. */
export const PARSE_LIMITS = {
  maxAliases: 100,
  maxDepth: 64,
  /** Values after aliases are expanded: stops a few aliases nesting. */
  maxNodes: 100_000,
} as const;

const LOAD_OPTIONS = {
  schema: jsyaml.CORE_SCHEMA,
  maxAliases: PARSE_LIMITS.maxAliases,
  maxDepth: PARSE_LIMITS.maxDepth,
};

/** Why a file could not be read as one YAML mapping. */
export type ParseProblemCode =
  | 'empty'
  | 'multiple-documents'
  | 'tab-indent'
  | 'duplicate-key'
  | 'too-deep'
  | 'too-many-aliases'
  | 'unknown-tag'
  | 'merge-key'
  | 'not-a-mapping'
  | 'syntax';

export interface ParseProblem extends Position {
  code: ParseProblemCode;
  message: string;
}

export type Parsed =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; problem: ParseProblem };

/**
 * Loads one YAML 1.2 document (core schema: `yes` stays a string, `030` is
 * 30, dates stay strings) and requires a mapping at the top. Merge keys are
 * refused, so that what a reviewer reads in the file is what is checked.
 */
export function parseYaml(text: string): Parsed {
  let value: unknown;
  try {
    value = jsyaml.load(text, LOAD_OPTIONS);
  } catch (error) {
    return { ok: false, problem: describeLoadError(error, text) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      problem: {
        code: 'not-a-mapping',
        message:
          'the file must be a mapping of fields (key: value), ' +
          `not ${Array.isArray(value) ? 'a list' : 'a single value'}`,
        line: 1,
        column: 1,
      },
    };
  }
  if (text.includes('*') && expandedSize(value) > PARSE_LIMITS.maxNodes) {
    return {
      ok: false,
      problem: {
        code: 'too-many-aliases',
        message:
          `aliases (*name) expand this file to more than ${PARSE_LIMITS.maxNodes} values: ` +
          'write the values out instead of nesting aliases',
        line: 1,
        column: 1,
      },
    };
  }
  const merge = text.includes('<<') ? findMergeKey(text) : null;
  if (merge) return { ok: false, problem: merge };
  return { ok: true, value: value as Record<string, unknown> };
}

interface LoadError {
  reason?: string;
  message?: string;
  mark?: { line: number; column: number };
}

function describeLoadError(error: unknown, text: string): ParseProblem {
  const { reason = '', message = String(error), mark } = error as LoadError;
  const at = mark
    ? { line: mark.line + 1, column: mark.column + 1 }
    : { line: 1, column: 1 };
  const plain = plainReason(reason || message, text, at);
  return { ...at, ...plain, ...(plain.at ?? {}) };
}

function plainReason(
  reason: string,
  text: string,
  at: Position,
): { code: ParseProblemCode; message: string; at?: Position } {
  if (reason.includes('input is empty')) {
    return {
      code: 'empty',
      message:
        "the file is empty: write the identity's fields, or delete the file",
    };
  }
  if (reason.includes('single document')) {
    return {
      code: 'multiple-documents',
      message:
        'the file holds more than one YAML document (a second "---"): ' +
        'keep one identity per file',
      at: secondDocumentStart(text),
    };
  }
  if (reason.includes('tab characters')) {
    return {
      code: 'tab-indent',
      message: 'a tab indents this line: indent with spaces, not tabs',
    };
  }
  if (reason.includes('duplicated mapping key')) {
    const key = keyAt(text, at);
    return {
      code: 'duplicate-key',
      message:
        `the key ${key ? `"${key}" ` : ''}appears twice in the same ` +
        'mapping: keep one and delete the other',
    };
  }
  if (reason.includes('maxDepth')) {
    return {
      code: 'too-deep',
      message: `nesting is deeper than ${PARSE_LIMITS.maxDepth} levels: flatten the file`,
    };
  }
  if (reason.includes('alias')) {
    return {
      code: 'too-many-aliases',
      message: reason.includes('unidentified')
        ? `${reason}: define the anchor (&name) before using it`
        : `more than ${PARSE_LIMITS.maxAliases} aliases (*name): write the values out`,
    };
  }
  if (reason.includes('tag')) {
    return {
      code: 'unknown-tag',
      message:
        'the file uses a YAML tag (!name) that nhi-policy does not read: ' +
        'remove the tag and write a plain value',
    };
  }
  return {
    code: 'syntax',
    message: `YAML syntax error: ${reason}; check the indentation and quotes on this line and the one above`,
  };
}

/** The key text at a position, if it is a short plain key. */
function keyAt(text: string, at: Position): string | null {
  const line = text.split(/\r?\n/, at.line)[at.line - 1] ?? '';
  const match = /^\s*(?:-\s+)?["']?([A-Za-z0-9_.-]{1,64})["']?\s*:/.exec(
    line.slice(at.column - 1),
  );
  const key = match?.[1] ?? null;
  // A key is shown in the message, so one that looks like a secret is not.
  return key !== null && secretKind(key) === null ? key : null;
}

function secondDocumentStart(text: string): Position {
  const lines = text.split(/\r?\n/);
  let sawContent = false;
  for (const [index, line] of lines.entries()) {
    if (/^(---|\.\.\.)(\s|$)/.test(line)) {
      if (sawContent) return { line: index + 1, column: 1 };
      sawContent = line.startsWith('---') && line.trim().length > 3;
    } else if (line.trim() !== '' && !line.trimStart().startsWith('#')) {
      sawContent = true;
    }
  }
  return { line: 1, column: 1 };
}

/** Finds a `<<` mapping key; js-yaml's core schema reads it as a plain key. */
function findMergeKey(text: string): ParseProblem | null {
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const match = /^(\s*(?:-\s+)?)<<\s*:/.exec(line);
    if (match) {
      return {
        code: 'merge-key',
        message:
          'YAML merge keys ("<<") are not supported: copy the fields of the ' +
          'anchored mapping into this one and delete the "<<" line',
        line: index + 1,
        column: (match[1]?.length ?? 0) + 1,
      };
    }
  }
  return null;
}

/**
 * Counts the values of a loaded document as if every alias were copied,
 * stopping as soon as the limit is passed. js-yaml shares one object per
 * anchor, so a few nested aliases can stand for billions of values that
 * every later walk over the document would visit.
 */
function expandedSize(root: unknown): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0 && count <= PARSE_LIMITS.maxNodes) {
    const value = stack.pop();
    count++;
    if (value !== null && typeof value === 'object') {
      for (const child of Object.values(value)) stack.push(child);
    }
  }
  return count;
}
