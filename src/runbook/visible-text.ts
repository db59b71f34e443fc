/**
 * Text as a page may show it: control characters (line breaks, tabs,
 * escapes) become one space, and invisible format characters (zero-width
 * spaces and joiners, direction marks) become U+FFFD, so nothing in a
 * value is hidden from the reader or from what they copy.
 */
export function visibleText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
      .replace(/\p{Cf}/gu, '\uFFFD')
  );
}
