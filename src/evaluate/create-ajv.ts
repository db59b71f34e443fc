import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { daysSince } from './keywords/days-since.js';
import { daysUntil } from './keywords/days-until.js';

/** Keywords that only carry text for people and reports. */
const ANNOTATIONS = ['x-nhi-rule', 'x-nhi-hint'];

/**
 * An Ajv for JSON Schema 2020-12 in strict mode, so that a misspelt keyword
 * in a policy is an error rather than a rule that silently never fires.
 * Validators compiled by it take the evaluation day as their context:
 * `validate.call({ today }, data)` (see keywords/evaluation-day.ts).
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
    strictTuples: false,
    allowUnionTypes: true,
    verbose: true,
    messages: false,
    passContext: true,
  });
  addFormats.default(ajv, ['date', 'date-time', 'email', 'uri']);
  ajv.addVocabulary(ANNOTATIONS);
  ajv.addKeyword(daysSince());
  ajv.addKeyword(daysUntil());
  return ajv;
}
