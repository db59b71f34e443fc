import { escapeMarkdown } from '../report/escape-markdown.js';
import { findSecretsInText, secretKind } from '../evaluate/secrets.js';

/** What a page shows in place of a value that looks like a secret. */
export const WITHHELD = '_(withheld: this value looks like a secret)_';

/** What a page shows for a field the identity file leaves out. */
export const NOT_RECORDED = '_not recorded_';

/**
 * A value from an identity file or the owners registry, ready for a
 * Markdown page: escaped, and withheld entirely when it looks like a
 * secret, so a runbook never repeats one even if the file holds it.
 */
export function safeText(value: string | undefined): string {
  if (value === undefined || value === '') return NOT_RECORDED;
  if (secretKind(value) !== null || findSecretsInText(value).length > 0) {
    return WITHHELD;
  }
  return escapeMarkdown(value);
}
