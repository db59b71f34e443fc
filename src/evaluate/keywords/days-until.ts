import type {
  FuncKeywordDefinition,
  SchemaValidateFunction,
} from 'ajv/dist/types/index.js';
import { fromDay, toDay } from '../../time/day.js';
import { evaluationDay } from './evaluation-day.js';

interface DaysUntilSchema {
  min: number;
}

/**
 * `nhiDaysUntil: {min}` on a date: fails when fewer than `min` whole days
 * remain from the evaluation day to the date. `min: 0` means "not passed".
 */
export function daysUntil(): FuncKeywordDefinition {
  return {
    keyword: 'nhiDaysUntil',
    type: 'string',
    schemaType: 'object',
    metaSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['min'],
      properties: { min: { type: 'integer', minimum: 0 } },
    },
    errors: true,
    validate: function check(
      this: unknown,
      schema: DaysUntilSchema,
      data: string,
    ): boolean {
      const day = toDay(data);
      if (day === null) return true;
      const today = evaluationDay(this);
      const remaining = day - today;
      if (remaining >= schema.min) return true;
      (check as SchemaValidateFunction).errors = [
        {
          keyword: 'nhiDaysUntil',
          message:
            remaining < 0
              ? `passed ${-remaining} days ago`
              : `is in ${remaining} days`,
          params: { remaining, min: schema.min, date: fromDay(day) },
        },
      ];
      return false;
    } as SchemaValidateFunction,
  };
}
