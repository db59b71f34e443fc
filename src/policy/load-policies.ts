import type { Ajv2020 } from 'ajv/dist/2020.js';
import { ConfigError } from '../model/config-error.js';
import type { Rule } from '../model/rule.js';
import type { Source } from '../load/source.js';
import type { Policy, Schemas } from './policy.js';

const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';
const MAX_POLICY_BYTES = 1024 * 1024;

/** Where policy files come from: a tree and folders in it. */
export interface PolicyOrigin {
  source: Source;
  dirs: string[];
  /** How file names are shown in errors, e.g. `<nhi-policy>/`. */
  label: string;
}

/** Reads the JSON files of the schema folder that ships with nhi-policy. */
export function loadSchemas(source: Source): Schemas {
  const read = (name: string) =>
    readJson(source, `policies/schemas/${name}.schema.json`, '<nhi-policy>/');
  return {
    identity: read('identity'),
    owners: read('owners'),
    waiver: read('waiver'),
    config: read('config'),
    policy: read('policy'),
  };
}

/**
 * Loads every `.json` policy from the given origins in order. A later
 * policy with the same rule id replaces an earlier one, so an organisation
 * overrides a default rule by writing its own file with that id. Each file
 * is checked on its own: a bad one is a ConfigError naming it.
 */
export function loadPolicies(
  origins: PolicyOrigin[],
  schemas: Schemas,
  ajv: Ajv2020,
): Policy[] {
  const checkMeta = ajv.compile(schemas.policy);
  const byId = new Map<string, Policy>();

  for (const origin of origins) {
    const inThisOrigin = new Set<string>();
    for (const file of listJson(origin)) {
      const schema = readJson(origin.source, file, origin.label);
      const shown = origin.label + file;
      const policy = checkPolicy(ajv, checkMeta, schema, shown);
      if (inThisOrigin.has(policy.rule.id)) {
        throw new ConfigError(
          `rule id ${policy.rule.id} is used by two policy files: give each rule its own id`,
          shown,
        );
      }
      inThisOrigin.add(policy.rule.id);
      byId.set(policy.rule.id, policy);
    }
  }
  return [...byId.values()].sort((a, b) => (a.rule.id < b.rule.id ? -1 : 1));
}

function checkPolicy(
  ajv: Ajv2020,
  checkMeta: ReturnType<Ajv2020['compile']>,
  schema: Record<string, unknown>,
  file: string,
): Policy {
  const declared = schema.$schema;
  if (declared !== DRAFT_2020) {
    throw new ConfigError(
      `the policy declares ${JSON.stringify(declared ?? 'no $schema')}; ` +
        `nhi-policy loads JSON Schema 2020-12 only: set "$schema" to "${DRAFT_2020}"`,
      file,
    );
  }
  if (!checkMeta(schema)) {
    const first = checkMeta.errors?.[0];
    throw new ConfigError(
      `the policy's x-nhi-rule is incomplete at ${first?.instancePath || '/'}: ` +
        `${describeMetaError(first)}; see docs/policies.md for the fields`,
      file,
    );
  }
  let validate: Policy['validate'];
  try {
    // Without its $id, a policy that replaces another may reuse the id.
    const compiled = { ...schema };
    delete compiled.$id;
    validate = ajv.compile(compiled);
  } catch (error) {
    throw new ConfigError(
      `the policy is not a valid JSON Schema: ${(error as Error).message}`,
      file,
    );
  }
  return { rule: schema['x-nhi-rule'] as Rule, schema, file, validate };
}

function describeMetaError(
  error: { keyword: string; params: Record<string, unknown> } | undefined,
): string {
  if (!error) return 'unknown problem';
  if (error.keyword === 'required') {
    return `"${String(error.params.missingProperty)}" is missing`;
  }
  if (error.keyword === 'additionalProperties') {
    return `"${String(error.params.additionalProperty)}" is not a known field`;
  }
  return `${error.keyword} ${JSON.stringify(error.params)}`;
}

function listJson(origin: PolicyOrigin): string[] {
  const files: string[] = [];
  for (const dir of origin.dirs) {
    let entries;
    try {
      entries = origin.source.list(dir);
    } catch (error) {
      throw new ConfigError(
        `cannot read the policy folder: ${(error as Error).message}`,
        origin.label + dir,
      );
    }
    if (entries === null) {
      throw new ConfigError(
        `policy folder "${dir}" does not exist: create it or fix policies.paths`,
        origin.label + dir,
      );
    }
    for (const entry of entries) {
      if (entry.type !== 'file' && entry.path.endsWith('.json')) {
        throw new ConfigError(
          'the policy is not a regular file (a link or folder): policies are never read through links',
          origin.label + entry.path,
        );
      }
      if (entry.type === 'file' && entry.path.endsWith('.json')) {
        files.push(entry.path);
      }
    }
  }
  return files.sort();
}

function readJson(
  source: Source,
  file: string,
  label: string,
): Record<string, unknown> {
  let text: string;
  try {
    text = source.read(file, MAX_POLICY_BYTES).toString('utf8');
  } catch (error) {
    throw new ConfigError(
      `cannot read the file: ${(error as Error).message}`,
      label + file,
    );
  }
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
    throw new Error('the top level must be an object');
  } catch (error) {
    throw new ConfigError(
      `not valid JSON: ${(error as Error).message}`,
      label + file,
    );
  }
}
