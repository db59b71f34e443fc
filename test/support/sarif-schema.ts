import { createRequire } from 'node:module';

interface Validator {
  validate(schema: string, data: unknown): boolean;
  errorsText(errors?: unknown): string;
  errors?: unknown;
}

const SARIF_ID =
  'https://raw.githubusercontent.com/schemastore/schemastore/master/src/schemas/json/sarif-2.1.0-rtm.5.json';

/**
 * Validates a SARIF log against the published SARIF 2.1.0 schema, the
 * copy that @microsoft/jest-sarif ships (JSON Schema draft-04, read with
 * the Ajv version that package depends on). Returns '' when valid, else
 * the validator's errors.
 */
export function sarifSchemaErrors(log: unknown): string {
  const load = createRequire(import.meta.url);
  const fromPackage = createRequire(load.resolve('@microsoft/jest-sarif'));
  const Ajv = fromPackage('ajv') as new (options: object) => Validator & {
    addMetaSchema(schema: object): void;
    addSchema(schema: object): void;
  };
  const ajv = new Ajv({ schemaId: 'auto', validateSchema: false });
  ajv.addMetaSchema(fromPackage('ajv/lib/refs/json-schema-draft-04.json'));
  ajv.addSchema(
    fromPackage('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'),
  );
  return ajv.validate(SARIF_ID, log) ? '' : ajv.errorsText(ajv.errors);
}
