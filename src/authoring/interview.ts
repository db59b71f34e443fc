import { InputError } from '../model/input-error.js';
import type { Asker } from './ask.js';
import type { Answers, NewContext } from './new-context.js';
import type { Question } from './questions.js';

/**
 * Collects the answers to every question that applies: from the flags
 * first, then by asking (when an asker is given), else from each
 * question's fallback. A flag with a refused value, or a required answer
 * nobody gave, is an InputError that says which and why.
 */
export async function interview(
  questions: readonly Question[],
  given: Record<string, string | string[]>,
  ctx: NewContext,
  asker: Asker | null,
): Promise<Answers> {
  const answers: Answers = {};
  const missing: string[] = [];
  for (const q of questions) {
    if (q.when && !q.when(answers)) continue;
    const flag = given[q.key];
    if (flag !== undefined) {
      answers[q.key] = checkGiven(q, flag, answers, ctx);
    } else if (asker) {
      answers[q.key] = await askUntilValid(q, answers, ctx, asker);
    } else {
      const value = q.fallback?.(answers, ctx);
      if (value === undefined && !isOptional(q, answers)) {
        missing.push(`--${q.key}`);
      }
      answers[q.key] = value;
    }
  }
  if (missing.length > 0) {
    throw new InputError(
      `these answers are missing: ${missing.join(', ')}. Give them as flags, or leave out --yes to be asked`,
    );
  }
  return answers;
}

function checkGiven(
  q: Question,
  flag: string | string[],
  answers: Answers,
  ctx: NewContext,
): string | string[] {
  const values = (Array.isArray(flag) ? flag : [flag]).map((v) => v.trim());
  for (const value of values) {
    const problem = refusal(q, value, answers, ctx);
    if (problem) throw new InputError(`--${q.key} "${value}": ${problem}`);
  }
  return q.list ? values : (values.at(-1) ?? '');
}

async function askUntilValid(
  q: Question,
  answers: Answers,
  ctx: NewContext,
  asker: Asker,
): Promise<string | string[] | undefined> {
  const choices = q.choices?.(answers, ctx) ?? null;
  const fallback = q.fallback?.(answers, ctx);
  if (choices?.length === 0) {
    throw new InputError(
      `nothing to choose from for "${q.text}": add it to the owners registry first`,
    );
  }
  const hint = q.hint?.(answers, ctx) ?? '';
  asker.tell('');
  asker.tell(hint === '' ? q.text : `${q.text} ${hint}`);
  choices?.forEach((c, i) => {
    const name = q.nameOf?.(c, ctx);
    asker.tell(`  ${i + 1}. ${c}${name ? ` (${name})` : ''}`);
  });
  if (q.list) return askList(q, answers, ctx, asker);
  for (;;) {
    const prompt = fallback === undefined ? '> ' : `[${fallback}] > `;
    const line = await answerOrEnd(asker, prompt, q);
    const typed = line === '' ? (fallback ?? '') : line;
    const value = pick(typed, choices, (c) => q.nameOf?.(c, ctx));
    if (value === '' && isOptional(q, answers)) return undefined;
    const problem =
      value === '' ? 'an answer is needed' : refusal(q, value, answers, ctx);
    if (!problem) return value;
    asker.tell(`  Not accepted: ${problem}. Try again.`);
  }
}

async function askList(
  q: Question,
  answers: Answers,
  ctx: NewContext,
  asker: Asker,
): Promise<string[] | undefined> {
  const values: string[] = [];
  for (;;) {
    const line = await answerOrEnd(asker, `${values.length + 1}> `, q);
    if (line === '') {
      if (values.length > 0 || isOptional(q, answers)) break;
      asker.tell('  At least one answer is needed.');
      continue;
    }
    const problem = refusal(q, line, answers, ctx);
    if (problem) asker.tell(`  Not accepted: ${problem}. Try again.`);
    else values.push(line);
  }
  return values.length > 0 ? values : undefined;
}

function isOptional(q: Question, answers: Answers): boolean {
  return typeof q.optional === 'function'
    ? q.optional(answers)
    : q.optional === true;
}

async function answerOrEnd(asker: Asker, prompt: string, q: Question) {
  const line = await asker.ask(prompt);
  if (line === null) {
    throw new InputError(`no answer to "${q.text}" (the input ended)`);
  }
  return line;
}

/**
 * A number picks from the list, and so does a choice's plain name (any
 * case); anything else is taken as written.
 */
function pick(
  line: string,
  choices: string[] | null,
  nameOf: (choice: string) => string | undefined,
): string {
  if (!choices) return line;
  const n = Number(line);
  if (Number.isInteger(n) && n >= 1 && n <= choices.length) {
    return choices[n - 1] ?? line;
  }
  const lower = line.toLowerCase();
  return choices.find((c) => nameOf(c)?.toLowerCase() === lower) ?? line;
}

function refusal(
  q: Question,
  value: string,
  answers: Answers,
  ctx: NewContext,
): string | null {
  const choices = q.choices?.(answers, ctx) ?? null;
  if (choices && !choices.includes(value)) {
    return `choose one of ${choices.join(', ')}`;
  }
  return q.problem?.(value, answers, ctx) ?? null;
}
