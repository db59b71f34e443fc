/** The blanks under every checklist step, filled in by hand. */
export const BLANKS = 'Date (UTC): ____ Time (UTC): ____ Initials: ____';

/**
 * Numbered task-list steps, each followed by its own blanks on the next
 * line. Step text is Markdown whose values are already escaped.
 */
export function checklist(steps: readonly string[]): string[] {
  return steps.map((step, i) => {
    const marker = `${i + 1}. `;
    const indent = ' '.repeat(marker.length);
    // A trailing backslash is a hard line break: the blanks get a line.
    return `${marker}[ ] ${step}\\\n${indent}${BLANKS}`;
  });
}
