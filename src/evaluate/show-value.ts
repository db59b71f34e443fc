import { secretKind } from './secrets.js';

const MAX_SHOWN = 60;

/**
 * A value from a file as it may appear in a message: quoted, cut to a
 * readable length, and hidden entirely if it looks like a secret.
 */
export function showValue(value: unknown): string {
  if (typeof value === 'string') {
    if (secretKind(value)) return '(value hidden: it looks like a secret)';
    const chars = [...value];
    const cut =
      chars.length > MAX_SHOWN
        ? `${chars.slice(0, MAX_SHOWN).join('')}…`
        : value;
    return JSON.stringify(cut);
  }
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'object')
    return Array.isArray(value) ? 'a list' : 'a mapping';
  return String(value);
}

/**
 * A JSON pointer as it may appear in a report: a segment that looks like a
 * secret (a token written as a field name) is replaced by `(hidden)`.
 */
export function showPointer(pointer: string): string {
  if (pointer === '') return pointer;
  return pointer
    .split('/')
    .map((segment) => (secretKind(segment) ? '(hidden)' : segment))
    .join('/');
}
