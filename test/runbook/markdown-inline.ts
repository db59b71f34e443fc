/** A line of Markdown split as CommonMark reads its code spans. */
export interface InlineParts {
  /** The text outside code spans, code spans replaced by a space. */
  text: string;
  /** Each code span's content, as a reader sees and copies it. */
  code: string[];
}

/**
 * Splits one line into code spans and the rest, by the CommonMark rules:
 * a run of backticks opens a span closed by the next run of the same
 * length; one space is stripped from each side when both are spaces;
 * a backslash outside a span escapes the next character. In a table row
 * an escaped pipe inside a span reads as a pipe.
 */
export function splitInline(line: string): InlineParts {
  const inRow = line.startsWith('|');
  const code: string[] = [];
  let text = '';
  let i = 0;
  while (i < line.length) {
    const ch = line[i] ?? '';
    if (ch === '\\') {
      text += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch !== '`') {
      text += ch;
      i += 1;
      continue;
    }
    const run = /^`+/.exec(line.slice(i))?.[0] ?? '`';
    const close = findRun(line, i + run.length, run.length);
    if (close === -1) {
      text += run;
      i += run.length;
      continue;
    }
    let body = line.slice(i + run.length, close);
    if (inRow) body = body.replace(/\\\|/g, '|');
    if (/^ .* $/.test(body) && body.trim() !== '') body = body.slice(1, -1);
    code.push(body);
    text += ' ';
    i = close + run.length;
  }
  return { text, code };
}

function findRun(line: string, from: number, length: number): number {
  const runs = /`+/g;
  runs.lastIndex = from;
  for (let m = runs.exec(line); m; m = runs.exec(line)) {
    if (m[0].length === length) return m.index;
  }
  return -1;
}

/**
 * What in the text outside code spans GitHub would still render as HTML,
 * a link, a mention, a reference or an autolink; the page's own links
 * (its contents, the index and the task boxes) are left out.
 */
export function liveMarkup(text: string): string[] {
  const own = text
    .replace(/^#+ /, '')
    .replace(/^\s*\d+\. \[ \] /, '')
    .replace(/\[[^\]\\]*\]\((#[a-z0-9-]+|[A-Za-z0-9-]+\.md)\)/g, '');
  const checks: [string, RegExp][] = [
    ['html', /<[a-z/!?]/i],
    ['link', /(^|[^\\])\[/],
    ['mention or reference', /[@#]/],
    ['autolink', /:\/\/|www\./i],
    ['invisible character', /\p{Cf}/u],
  ];
  return checks.filter(([, re]) => re.test(own)).map(([name]) => name);
}
