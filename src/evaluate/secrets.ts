import {
  ANY_SECRET,
  SECRET_NEEDLES,
  SECRET_PATTERNS,
} from './secret-patterns.js';

const MIN_TOKEN_LENGTH = 24;

/** A secret-like span in a file's text. */
export interface TextSecret {
  offset: number;
  name: string;
}

/**
 * Finds vendor-shaped secrets anywhere in a file, comments included, since
 * a token in a comment is as exposed as one in a value.
 */
export function findSecretsInText(text: string): TextSecret[] {
  const found: TextSecret[] = [];
  if (!SECRET_NEEDLES.test(text)) return found;
  ANY_SECRET.lastIndex = 0;
  for (let m = ANY_SECRET.exec(text); m; m = ANY_SECRET.exec(text)) {
    const index = m.slice(1).findIndex((group) => group !== undefined);
    found.push({
      offset: m.index,
      name: SECRET_PATTERNS[index]?.name ?? 'secret',
    });
  }
  return found;
}

/**
 * True for a random-looking token that no vendor shape names: the answer
 * of `secretKind(value) === 'random-looking token'`, cheap test first.
 */
export function isUnnamedRandomToken(value: string): boolean {
  if (value.length < MIN_TOKEN_LENGTH || !looksRandom(value)) return false;
  return !SECRET_PATTERNS.some(({ pattern }) => pattern.test(value));
}

/**
 * Names what a single value looks like if it looks like a secret: a vendor
 * shape, or a long random token (high entropy, mixed characters).
 */
export function secretKind(value: string): string | null {
  for (const { name, pattern } of SECRET_PATTERNS) {
    if (pattern.test(value)) return name;
  }
  return looksRandom(value) ? 'random-looking token' : null;
}

/**
 * True for a token that is long, has no spaces and carries close to the
 * information of random base64 or hex. Paths, role names, UUIDs and
 * resource ids are split on their separators first, so they stay clean.
 */
export function looksRandom(value: string): boolean {
  if (value.length < MIN_TOKEN_LENGTH || /\s/.test(value)) return false;
  for (const part of value.split(/[/:.@=,]/)) {
    if (part.length < MIN_TOKEN_LENGTH) continue;
    if (/^[0-9a-f]+$/i.test(part)) {
      if (part.length >= 32 && entropy(part) >= 3.3) return true;
      continue;
    }
    const classes =
      Number(/[a-z]/.test(part)) +
      Number(/[A-Z]/.test(part)) +
      Number(/[0-9]/.test(part));
    if (classes === 3 && entropy(part) >= 4.0) return true;
  }
  return false;
}

/** Shannon entropy in bits per character. */
function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
