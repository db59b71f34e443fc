import { compareFindings, type Finding } from '../model/finding.js';
import type { Rule } from '../model/rule.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** One annotation as GitHub shows it: on a file and line, or on the run. */
export interface Annotation {
  level: AnnotationLevel;
  message: string;
  title?: string;
  file?: string;
  line?: number;
  column?: number;
}

/** GitHub shows at most this many annotations of one level per step. */
export const PER_LEVEL_LIMIT = 10;

const LEVEL: Record<Finding['severity'], AnnotationLevel> = {
  error: 'error',
  warning: 'warning',
  note: 'notice',
};

/**
 * Turns findings into annotations within GitHub's limits: most severe first,
 * at most 10 of each level and `max` in all. When some do not fit, the last
 * slot goes to one notice that counts the rest. Waived findings are left
 * out: they never fail. `max` 0 means no annotations at all.
 */
export function selectAnnotations(
  findings: readonly Finding[],
  rules: readonly Rule[],
  max: number,
): Annotation[] {
  const sorted = findings.filter((f) => !f.waivedBy).sort(compareFindings);
  const titles = new Map(rules.map((r) => [r.id, r.title]));
  const everything = choose(sorted, max, PER_LEVEL_LIMIT);
  if (everything.length === sorted.length || max === 0) {
    return everything.map((f) => toAnnotation(f, titles));
  }
  const chosen = choose(sorted, max - 1, PER_LEVEL_LIMIT - 1);
  const rest = sorted.length - chosen.length;
  return [
    ...chosen.map((f) => toAnnotation(f, titles)),
    {
      level: 'notice',
      title: 'nhi-policy',
      message: `…and ${rest} more ${rest === 1 ? 'finding' : 'findings'}: see the job summary for the full list.`,
    },
  ];
}

/** The findings that fit, in order; `noticeLimit` keeps notice slots free. */
function choose(
  sorted: readonly Finding[],
  max: number,
  noticeLimit: number,
): Finding[] {
  const limit = { error: PER_LEVEL_LIMIT, warning: PER_LEVEL_LIMIT };
  const used = { error: 0, warning: 0, notice: 0 };
  const chosen: Finding[] = [];
  for (const f of sorted) {
    const level = LEVEL[f.severity];
    const cap = level === 'notice' ? noticeLimit : limit[level];
    if (chosen.length >= max || used[level] >= cap) continue;
    used[level]++;
    chosen.push(f);
  }
  return chosen;
}

function toAnnotation(f: Finding, titles: Map<string, string>): Annotation {
  const title = titles.get(f.ruleId);
  return {
    level: LEVEL[f.severity],
    title: title ? `${f.ruleId}: ${title}` : f.ruleId,
    message: `${f.message}\nFix: ${f.remediation}`,
    file: f.file,
    line: f.line,
    column: f.column,
  };
}
