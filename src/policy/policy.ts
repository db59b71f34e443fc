import type { ValidateFunction } from 'ajv';
import type { Rule } from '../model/rule.js';

/** A JSON Schema rule file, with the metadata from its `x-nhi-rule`. */
export interface Policy {
  rule: Rule;
  /** The schema as written, including `x-nhi-rule`. */
  schema: Record<string, unknown>;
  /** Where it came from: `<nhi-policy>/…` for the default pack. */
  file: string;
  /** Compiled once per run; call with the evaluation day as context. */
  validate: ValidateFunction;
}

/** The schemas that describe the inventory's own files. */
export interface Schemas {
  identity: Record<string, unknown>;
  owners: Record<string, unknown>;
  waiver: Record<string, unknown>;
  config: Record<string, unknown>;
  policy: Record<string, unknown>;
}
