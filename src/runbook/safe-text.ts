import { findSecretsInText, secretKind } from '../evaluate/secrets.js';
import { codeSpan } from './code-span.js';
import { escapeText, NEEDS_CODE_SPAN } from './escape-text.js';

/** What a page shows in place of a value that looks like a secret. */
export const WITHHELD = '_(withheld: this value looks like a secret)_';

/** What a page shows for a field the identity file leaves out. */
export const NOT_RECORDED = '_not recorded_';

/**
 * A value from an identity file or the owners registry, as prose on a
 * Markdown page: escaped, or in a code span when GitHub would otherwise
 * link it or mention someone; withheld entirely when it looks like a
 * secret, so a page never repeats one even if the file holds it.
 */
export function safeText(value: string | undefined, inCell = false): string {
  if (value === undefined || value.trim() === '') return NOT_RECORDED;
  if (looksLikeSecret(value)) return WITHHELD;
  return NEEDS_CODE_SPAN.test(value)
    ? codeSpan(value, inCell)
    : escapeText(value);
}

/**
 * A value a reader copies or types (a key, an address, a path, a vault
 * location) in a code span, exactly as the file writes it; withheld when
 * it looks like a secret.
 */
export function safeCode(value: string | undefined, inCell = false): string {
  if (value === undefined || value.trim() === '') return NOT_RECORDED;
  if (looksLikeSecret(value)) return WITHHELD;
  return codeSpan(value, inCell);
}

/** True for a value, or a text holding one, shaped like a secret. */
export function looksLikeSecret(value: string): boolean {
  return secretKind(value) !== null || findSecretsInText(value).length > 0;
}
