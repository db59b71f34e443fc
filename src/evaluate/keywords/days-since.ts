import type {
  DataValidationCxt,
  FuncKeywordDefinition,
  SchemaValidateFunction,
} from 'ajv/dist/types/index.js';
import { fromDay, toDay } from '../../time/day.js';
import { evaluationDay } from './evaluation-day.js';
import { resolveRelativePointer } from './relative-pointer.js';

interface DaysSinceSchema {
  max?: number;
  maxFrom?: string;
}

/**
 * `nhiDaysSince: {max, maxFrom}` on a date: fails once the limit of whole
 * days has passed between the date and the evaluation day (on the due day). `maxFrom`
 * is a relative JSON pointer to a limit kept in the identity itself; when it
 * points at nothing, `max` applies, and with neither the keyword passes.
 */
export function daysSince(): FuncKeywordDefinition {
  return {
    keyword: 'nhiDaysSince',
    type: 'string',
    schemaType: 'object',
    metaSchema: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        max: { type: 'integer', minimum: 0 },
        maxFrom: { type: 'string', pattern: '^[0-9]+(/.*)?$' },
      },
    },
    errors: true,
    validate: function check(
      this: unknown,
      schema: DaysSinceSchema,
      data: string,
      _parent?: unknown,
      cxt?: DataValidationCxt,
    ): boolean {
      const day = toDay(data);
      if (day === null) return true; // `format: date` reports bad dates
      const today = evaluationDay(this);
      const fromData = schema.maxFrom
        ? resolveRelativePointer(cxt, schema.maxFrom)
        : undefined;
      const limit = Number.isInteger(fromData)
        ? (fromData as number)
        : schema.max;
      if (limit === undefined) return true;
      const elapsed = today - day;
      // Due on the day the limit is reached, as an interval of 30 days means
      // the 30th day is the last one to act on.
      if (elapsed < limit) return true;
      (check as SchemaValidateFunction).errors = [
        {
          keyword: 'nhiDaysSince',
          message: `is ${elapsed} days ago; the limit is ${limit} days`,
          params: { elapsed, limit, due: fromDay(day + limit) },
        },
      ];
      return false;
    } as SchemaValidateFunction,
  };
}
