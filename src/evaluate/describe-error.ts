import type { ErrorObject } from 'ajv';
import { splitPointer } from '../load/locate.js';
import { closest } from './closest.js';
import { secretKind } from './secrets.js';
import { showValue } from './show-value.js';

/** What a person reads about one schema error, and where it points. */
export interface Described {
  pointer: string;
  message: string;
}

type Schema = Record<string, unknown>;

/**
 * Turns an Ajv error into a plain sentence that names the field, says what
 * is wrong and, where the schema gives one, what to write instead. Values
 * from the file are shown only when short and not secret-like.
 */
export function describeError(error: ErrorObject, root: Schema): Described {
  const params = error.params as Record<string, unknown>;
  const parent = asSchema(error.parentSchema);
  const hint = hintFor(error, root);
  const label = labelOf(error.instancePath);
  const value = error.data;
  const withHint = (text: string) => (hint ? `${text}: ${hint}` : text);

  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const field = error.instancePath ? `${label}.${missing}` : missing;
      const own = asSchema(asSchema(parent?.properties)?.[missing]);
      const why = own?.['x-nhi-hint'] ?? hint;
      return at(
        error.instancePath,
        `${field} is missing${why ? `: ${String(why)}` : ''}`,
      );
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const known = Object.keys(asSchema(parent?.properties) ?? {});
      const guess = closest(extra, known);
      return at(
        `${error.instancePath}/${escapeSegment(extra)}`,
        `${label ? `${label} has an` : 'an'} unknown field ${showValue(extra)}` +
          (guess
            ? `; did you mean "${guess}"?`
            : `; known fields: ${known.join(', ')}`),
      );
    }
    case 'type':
      return at(
        error.instancePath,
        describeType(label, value, String(params.type), hint),
      );
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const guess = typeof value === 'string' ? closest(value, allowed) : null;
      if (value === null)
        return at(error.instancePath, withHint(`${label} is empty`));
      return at(
        error.instancePath,
        `${label} ${showValue(value)} is not allowed; ` +
          (guess
            ? `did you mean "${guess}"?`
            : `use one of: ${allowed.join(', ')}`),
      );
    }
    case 'const':
      return at(
        error.instancePath,
        withHint(`${label} must be ${JSON.stringify(params.allowedValue)}`),
      );
    case 'format':
      return at(
        error.instancePath,
        `${label} ${showValue(value)} is not a real ${String(params.format)}` +
          (params.format === 'date'
            ? ': write an existing date as YYYY-MM-DD'
            : ''),
      );
    case 'pattern':
      return at(
        error.instancePath,
        withHint(`${label} ${showValue(value)} has the wrong form`),
      );
    case 'minLength':
    case 'maxLength':
      return at(
        error.instancePath,
        describeLength(label, value, error.keyword, Number(params.limit), hint),
      );
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return at(
        error.instancePath,
        withHint(
          `${label} is ${showValue(value)}; it must be ${comparison(error.keyword)} ${String(params.limit)}`,
        ),
      );
    case 'minItems':
      return at(
        error.instancePath,
        withHint(
          `${label} needs at least ${String(params.limit)} ${Number(params.limit) === 1 ? 'entry' : 'entries'}`,
        ),
      );
    case 'maxItems':
      return at(
        error.instancePath,
        withHint(`${label} may have at most ${String(params.limit)} entries`),
      );
    case 'uniqueItems':
      return at(
        `${error.instancePath}/${String(params.i)}`,
        `${label} lists the same value twice (entries ${Number(params.j) + 1} and ${Number(params.i) + 1}): remove one`,
      );
    case 'not':
      return at(
        error.instancePath,
        withHint(`${label} ${showValue(value)} is not allowed`),
      );
    case 'false schema':
      return at(error.instancePath, withHint(`${label} must not be present`));
    case 'nhiDaysSince':
      return at(
        error.instancePath,
        `${label} ${showValue(value)} is ${String(params.elapsed)} days ago; ` +
          `the limit is ${String(params.limit)} days, reached on ${String(params.due)}`,
      );
    case 'nhiDaysUntil': {
      const remaining = Number(params.remaining);
      return at(
        error.instancePath,
        remaining < 0
          ? `${label} ${showValue(value)} passed ${-remaining} ${remaining === -1 ? 'day' : 'days'} ago`
          : remaining === 0
            ? `${label} ${showValue(value)} is today`
            : `${label} ${showValue(value)} is in ${remaining} ${remaining === 1 ? 'day' : 'days'}, within the ${String(params.min)}-day warning window`,
      );
    }
    default:
      return at(
        error.instancePath,
        withHint(`${label} does not satisfy "${error.keyword}"`),
      );
  }
}

function at(pointer: string, message: string): Described {
  return { pointer, message };
}

function describeType(
  label: string,
  value: unknown,
  type: string,
  hint: string | undefined,
): string {
  if (value === null) {
    return `${label} is empty${hint ? `: ${hint}` : ''}`;
  }
  if (type === 'boolean') {
    return (
      `${label} must be true or false, not ${showValue(value)}` +
      (typeof value === 'string'
        ? ' (YAML 1.2 reads yes, no, on and off as text)'
        : '')
    );
  }
  const words: Record<string, string> = {
    object: 'a mapping of fields (key: value)',
    array: 'a list',
    string: 'text',
    integer: 'a whole number',
    number: 'a number',
  };
  return (
    `${label} must be ${words[type] ?? type}, not ${kindOf(value)}` +
    (hint ? `: ${hint}` : '')
  );
}

function describeLength(
  label: string,
  value: unknown,
  keyword: string,
  limit: number,
  hint: string | undefined,
): string {
  const length = typeof value === 'string' ? [...value].length : 0;
  if (keyword === 'minLength' && length === 0) {
    return `${label} is empty${hint ? `: ${hint}` : ''}`;
  }
  const bound = keyword === 'minLength' ? 'at least' : 'at most';
  return (
    `${label} ${showValue(value)} is ${length} characters long; it must be ${bound} ${limit} characters ` +
    '(characters are counted as Unicode code points: a letter is one, an emoji is one or more)'
  );
}

function comparison(keyword: string): string {
  return (
    {
      minimum: 'at least',
      maximum: 'at most',
      exclusiveMinimum: 'more than',
      exclusiveMaximum: 'less than',
    }[keyword] ?? keyword
  );
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${showValue(value)}`;
  return showValue(value);
}

/**
 * `credentials[0].rotation` for `/credentials/0/rotation`; a field name
 * that looks like a secret reads `(hidden)`.
 */
export function labelOf(pointer: string): string {
  let label = '';
  for (const part of splitPointer(pointer)) {
    const segment = secretKind(part) ? '(hidden)' : part;
    label += /^\d+$/.test(segment)
      ? `[${segment}]`
      : label
        ? `.${segment}`
        : segment;
  }
  return label || 'the file';
}

/**
 * The nearest `x-nhi-hint` for an error: on the schema that failed, else
 * on the schemas above it along the error's schema path in the policy.
 */
function hintFor(error: ErrorObject, root: Schema): string | undefined {
  const own = asSchema(error.parentSchema)?.['x-nhi-hint'];
  if (typeof own === 'string') return own;
  if (!error.schemaPath.startsWith('#/')) return undefined;

  let node: unknown = root;
  let found: string | undefined;
  for (const segment of splitPointer(error.schemaPath.slice(1))) {
    const hint = asSchema(node)?.['x-nhi-hint'];
    if (typeof hint === 'string') found = hint;
    node =
      asSchema(node)?.[segment] ??
      (Array.isArray(node) ? node[Number(segment)] : undefined);
    if (node === undefined) break;
  }
  return found;
}

function asSchema(value: unknown): Schema | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Schema)
    : undefined;
}

function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
