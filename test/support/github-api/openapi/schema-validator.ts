import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { GitHubSpec, OpenApiSchema, OperationSpec } from './load-spec.js';
import { normalizeSchema } from './normalize-schema.js';

/** One way a body differs from GitHub's description. */
export interface SchemaProblem {
  /** JSON Pointer into the body, `''` for the body itself. */
  pointer: string;
  message: string;
}

/**
 * Checks bodies against the operations of a loaded `GitHubSpec`. Each schema
 * is compiled on first use and kept. Formats Ajv knows (date-time, uri,
 * email, int64, ...) are checked; a format it does not know is accepted.
 */
export class SchemaValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly spec: GitHubSpec) {
    this.ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    addFormats.default(this.ajv);
  }

  /**
   * The problems of a response `body` sent with `status` for `operation`.
   * A status the operation does not document is a problem, except an error
   * status (4xx, 5xx), which is checked as GitHub's "Basic Error", as is
   * an error status documented without a body.
   */
  checkResponse(
    operation: OperationSpec,
    status: number,
    body: unknown,
  ): SchemaProblem[] {
    const documented = operation.responses.get(status);
    if (documented) {
      return this.check(`${operation.operationId} ${status}`, documented, body);
    }
    // GitHub sends its error body even where the description shows none.
    if (status >= 400) return this.checkError(body);
    if (documented === null) {
      return body === undefined
        ? []
        : [problem(`status ${status} is documented without a body`)];
    }
    return [problem(`status ${status} is not documented for this operation`)];
  }

  /** The problems of an error `body` checked as GitHub's "Basic Error". */
  checkError(body: unknown): SchemaProblem[] {
    return this.check('basic-error', this.spec.basicError, body);
  }

  /** The problems of a request `body` for `operation` (none if no schema). */
  checkRequest(operation: OperationSpec, body: unknown): SchemaProblem[] {
    if (!operation.requestBody) return [];
    const key = `${operation.operationId} request`;
    return this.check(key, operation.requestBody, body ?? {});
  }

  private check(
    key: string,
    schema: OpenApiSchema,
    body: unknown,
  ): SchemaProblem[] {
    const validate = this.compile(key, schema);
    if (validate(body)) return [];
    return (validate.errors ?? []).map(toProblem);
  }

  private compile(key: string, schema: OpenApiSchema): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      const normalized = normalizeSchema(schema);
      this.acceptUnknownFormats(normalized);
      validate = this.ajv.compile(normalized);
      this.compiled.set(key, validate);
    }
    return validate;
  }

  private acceptUnknownFormats(schema: unknown): void {
    if (Array.isArray(schema)) {
      schema.forEach((item) => this.acceptUnknownFormats(item));
      return;
    }
    if (typeof schema !== 'object' || schema === null) return;
    const format = (schema as { format?: unknown }).format;
    if (typeof format === 'string' && !(format in this.ajv.formats)) {
      this.ajv.addFormat(format, true);
    }
    Object.values(schema).forEach((child) => this.acceptUnknownFormats(child));
  }
}

function problem(message: string): SchemaProblem {
  return { pointer: '', message };
}

function toProblem(error: ErrorObject): SchemaProblem {
  const extra = describeParams(error);
  return {
    pointer: error.instancePath,
    message: `${error.message ?? error.keyword}${extra}`,
  };
}

function describeParams(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'enum') {
    return `: ${JSON.stringify(params.allowedValues)}`;
  }
  if (error.keyword === 'additionalProperties') {
    return `: ${String(params.additionalProperty)}`;
  }
  return '';
}
