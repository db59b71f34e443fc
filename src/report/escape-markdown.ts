const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Makes text from a file or the API inert in GitHub Markdown: no HTML, no
 * emphasis, table breaks, links, autolinks, @mentions or #references. The
 * text still reads the same to a person.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_{}[\]()#+\-.!|~"']/g, '\\$&')
      // Mentions, references and autolinks are found after escapes are read,
      // so they are broken with an invisible space instead.
      .replace(/@/g, `@${ZERO_WIDTH_SPACE}`)
      .replace(/\\#/g, `\\#${ZERO_WIDTH_SPACE}`)
      .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
      .replace(
        /\bwww\\\./gi,
        (m) => `${m.slice(0, 3)}${ZERO_WIDTH_SPACE}${m.slice(3)}`,
      )
      .replace(/:([a-z0-9_+-]+):/gi, `:${ZERO_WIDTH_SPACE}$1:`)
  );
}
