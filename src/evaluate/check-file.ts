import type { Finding } from '../model/finding.js';
import { decodeUtf8 } from '../load/decode.js';
import { createLocator } from '../load/locate.js';
import { parseYaml } from '../load/parse.js';
import { FileTooLargeError, type Source } from '../load/source.js';
import { CODE_RULES } from './code-rules.js';
import { findingAt, pointed } from './file-report.js';
import type { IdentityChecker, PointedFinding } from './identity-checker.js';
import {
  findSecretsInText,
  isUnnamedRandomToken,
  secretKind,
} from './secrets.js';
import { labelOf } from './describe-error.js';

/** Flags a plain number written with a leading zero, e.g. `days: 030`. */
const LEADING_ZERO =
  /(?:^[ \t]*-[ \t]+|:[ \t]+|[[,][ \t]*)[-+]?0[0-9]+[ \t]*(?:[,\]}]|[ \t]#|$)/m;

export interface FileResult {
  findings: Finding[];
  /** The loaded document, when the file could be parsed. */
  doc: Record<string, unknown> | null;
}

/**
 * Reads, parses and checks one identity file. Never throws for a problem
 * in the file: every problem becomes a finding, and the caller goes on to
 * the next file. Positions come from a second, position-keeping parse that
 * runs only when the file has findings that need one.
 */
export function checkFile(
  source: Source,
  file: string,
  maxBytes: number,
  check: IdentityChecker,
): FileResult {
  let bytes: Buffer;
  try {
    bytes = source.read(file, maxBytes);
  } catch (error) {
    return { findings: [readFailure(file, error, maxBytes)], doc: null };
  }

  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const byte = decoded.byte.toString(16).toUpperCase().padStart(2, '0');
    const message =
      `byte 0x${byte} at line ${decoded.position.line}, column ${decoded.position.column} is not UTF-8 ` +
      '(the file looks saved in another encoding, such as Latin-1): save it as UTF-8';
    return {
      findings: [
        findingAt(CODE_RULES.fileEncoding, file, decoded.position, message),
      ],
      doc: null,
    };
  }
  const text = decoded.text;
  const findings = [...secretInName(file), ...secretsInText(file, text)];

  const parsed = parseYaml(text);
  if (!parsed.ok) {
    const { problem } = parsed;
    findings.push(
      findingAt(CODE_RULES.yamlSyntax, file, problem, problem.message),
    );
    return { findings, doc: null };
  }

  const pointedFindings = [
    ...check(parsed.value),
    ...secretsInValues(parsed.value),
  ];
  const mayHaveLeadingZero = LEADING_ZERO.test(text);
  if (pointedFindings.length > 0 || mayHaveLeadingZero) {
    const locator = createLocator(text);
    for (const f of pointedFindings) {
      findings.push(
        findingAt(f.rule, file, locator.locate(f.pointer), f.message, {
          pointer: f.pointer,
          severity: f.severity,
        }),
      );
    }
    if (mayHaveLeadingZero) {
      for (const { pointer, position } of locator.leadingZeroNumbers()) {
        findings.push(
          findingAt(
            CODE_RULES.leadingZero,
            file,
            position,
            `${labelOf(pointer)} is written with a leading zero; it reads as ${String(valueAt(parsed.value, pointer))}, but some tools read it as octal: remove the zero`,
            { pointer },
          ),
        );
      }
    }
  }
  return { findings, doc: parsed.value };
}

function readFailure(file: string, error: unknown, maxBytes: number): Finding {
  const rule = CODE_RULES.fileRefused;
  if (error instanceof FileTooLargeError) {
    return findingAt(
      rule,
      file,
      { line: 1, column: 1 },
      `the file is ${error.size} bytes; the limit is ${maxBytes} bytes: an identity file holds one identity`,
    );
  }
  const code = (error as NodeJS.ErrnoException).code;
  const message =
    code === 'ELOOP'
      ? 'the file is a symbolic link; links are never followed: replace it with a regular file'
      : `the file cannot be read (${code ?? (error as Error).message}): check that it is a regular file`;
  return findingAt(rule, file, { line: 1, column: 1 }, message);
}

function secretsInText(file: string, text: string): Finding[] {
  return findSecretsInText(text).map(({ offset, name }) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return findingAt(
      CODE_RULES.secretInFile,
      file,
      { line, column },
      `this line holds what looks like a ${name}; the value is not shown here`,
    );
  });
}

/** High-entropy values that no vendor pattern caught. */
function secretsInValues(doc: unknown): PointedFinding[] {
  const found: PointedFinding[] = [];
  const path: string[] = [];
  // The pointer is built only for a hit: most documents have none.
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (isUnnamedRandomToken(value)) found.push(randomToken(path));
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        path.push(String(i));
        visit(item);
        path.pop();
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        path.push(key);
        visit(item);
        path.pop();
      }
    }
  };
  visit(doc);
  return found;
}

function randomToken(path: readonly string[]): PointedFinding {
  const pointer = path
    .map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
  return pointed(
    CODE_RULES.secretInFile,
    pointer,
    `${labelOf(pointer)} holds a random-looking token that may be a secret; the value is not shown here`,
  );
}

function valueAt(doc: unknown, pointer: string): unknown {
  let value = doc;
  for (const segment of pointer.split('/').slice(1)) {
    value = (value as Record<string, unknown> | undefined)?.[
      segment.replace(/~1/g, '/').replace(/~0/g, '~')
    ];
  }
  return value;
}

/** A file name can leak a secret too: it is in every report and in git. */
function secretInName(file: string): Finding[] {
  const name = file.slice(file.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '');
  if (!secretKind(name)) return [];
  return [
    findingAt(
      CODE_RULES.secretInFile,
      file,
      { line: 1, column: 1 },
      'the file name looks like a secret: revoke it, then rename the file to the identity id',
    ),
  ];
}
