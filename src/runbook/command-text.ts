import { codeSpan } from './code-span.js';
import { looksLikeSecret, WITHHELD } from './safe-text.js';

const PLAIN_WORD = /^[A-Za-z0-9._/-]+$/;

/** Fixed words of a command (flags, placeholders), never quoted. */
export class Words {
  constructor(readonly text: string) {}
}

/**
 * A command for the reader to copy, as a code span. Used as a tag:
 * command`nhi-policy review ${file} --by YOUR-KEY`. Each value from a
 * file is quoted for a POSIX shell unless it is a plain word; Words are
 * written as they are. A value that looks like a secret withholds the
 * whole command.
 */
export function command(
  words: TemplateStringsArray,
  ...values: (string | Words)[]
): string {
  const texts = values.filter((v): v is string => typeof v === 'string');
  if (texts.some(looksLikeSecret)) return WITHHELD;
  const text = words.reduce(
    (out, word, i) => `${out}${shellWord(values[i - 1])}${word}`,
  );
  return codeSpan(text);
}

function shellWord(value: string | Words | undefined): string {
  if (value === undefined) return '';
  if (value instanceof Words) return value.text;
  return PLAIN_WORD.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
