/**
 * What the date keywords compare against. Policies are compiled once; the
 * evaluation day reaches the keywords as Ajv's validation context, passed
 * with `validate.call(context, data)`.
 */
export interface EvaluationContext {
  /** Days since 1970-01-01 (UTC). */
  today: number;
}

/** The evaluation day from the context; a missing one is a programming error. */
export function evaluationDay(context: unknown): number {
  const today = (context as Partial<EvaluationContext> | undefined)?.today;
  if (typeof today !== 'number') {
    throw new Error('a date keyword ran without an evaluation day');
  }
  return today;
}
