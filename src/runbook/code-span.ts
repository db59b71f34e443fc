import { visibleText } from './visible-text.js';

/**
 * Text as a Markdown code span, which GitHub shows exactly as written:
 * never as HTML, a link, a mention or an emoji, and copied as it reads.
 * The fence is one backtick longer than the longest run of backticks
 * inside, and a space pads each side when the text starts or ends with a
 * backtick or a space, since CommonMark strips one space from each side.
 * In a table cell every pipe is escaped: GitHub drops the backslash
 * before it reads the span.
 */
export function codeSpan(text: string, inCell = false): string {
  const visible = visibleText(text);
  const body = inCell ? visible.replace(/\|/g, '\\|') : visible;
  const runs = body.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = /^[` ]|[` ]$/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
