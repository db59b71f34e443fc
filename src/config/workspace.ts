import type { ValidateFunction } from 'ajv';
import type { Config } from './config.js';
import type { OwnersRegistry } from '../model/owners.js';
import type { Rule } from '../model/rule.js';
import type { Policy, Schemas } from '../policy/policy.js';
import type { Source } from '../load/source.js';
import { ConfigError } from '../model/config-error.js';
import { FsSource } from '../load/fs-source.js';
import { createAjv } from '../evaluate/create-ajv.js';
import { CODE_RULES } from '../evaluate/code-rules.js';
import {
  loadPolicies,
  loadSchemas,
  type PolicyOrigin,
} from '../policy/load-policies.js';
import { packageRoot } from '../policy/package-root.js';
import { loadConfig } from './load-config.js';
import { loadOwners } from './load-owners.js';

/** Everything the check needs besides the identity files themselves. */
export interface Workspace {
  config: Config;
  owners: OwnersRegistry;
  schemas: Schemas;
  /** The identity schema first, then every policy, by rule id. */
  policies: Policy[];
  /** Every rule the check can report, policies and code rules alike. */
  rules: Map<string, Rule>;
  /** Checks one waiver file's content against the waiver schema. */
  validateWaiver: ValidateFunction;
}

/**
 * Loads configuration, owners registry and policies from a tree. In a pull
 * request that tree is the base commit, so a PR cannot weaken the rules it
 * is judged by. Throws ConfigError for any problem in those files.
 */
export function loadWorkspace(
  source: Source,
  ownPackage: Source = new FsSource(packageRoot()),
): Workspace {
  const schemas = loadSchemas(ownPackage);
  const ajv = createAjv();
  const config = loadConfig(source, ajv, schemas.config);
  const owners = loadOwners(source, config.ownersFile, ajv, schemas.owners);

  const origins: PolicyOrigin[] = [];
  if (config.useDefaultPolicies) {
    origins.push({
      source: ownPackage,
      dirs: ['policies/rules'],
      label: '<nhi-policy>/',
    });
  }
  if (config.policyPaths.length > 0) {
    origins.push({ source, dirs: config.policyPaths, label: '' });
  }
  const identity: Policy = {
    rule: schemas.identity['x-nhi-rule'] as Rule,
    schema: schemas.identity,
    file: '<nhi-policy>/policies/schemas/identity.schema.json',
    validate: ajv.compile(schemas.identity),
  };
  const policies = [identity, ...loadPolicies(origins, schemas, ajv)];
  const codeIds = new Set(Object.values(CODE_RULES).map((r) => r.id));
  const clash = policies.find((p) => codeIds.has(p.rule.id));
  if (clash) {
    throw new ConfigError(
      `rule id ${clash.rule.id} belongs to a rule built into nhi-policy: give the policy an id of its own (NHI-900 to NHI-999 are free)`,
      clash.file,
    );
  }

  const rules = new Map<string, Rule>();
  for (const rule of [
    ...policies.map((p) => p.rule),
    ...Object.values(CODE_RULES),
  ]) {
    rules.set(rule.id, rule);
  }
  checkRuleSettings(config, rules);
  return {
    config,
    owners,
    schemas,
    policies,
    rules,
    validateWaiver: ajv.compile(schemas.waiver),
  };
}

/** Rules that keep the check sound: never switched off or made a note. */
const FIXED_RULES = new Set([
  'NHI-001',
  'NHI-002',
  'NHI-003',
  'NHI-010',
  'NHI-131',
]);

/**
 * Refuses rule settings that name no rule (a typo would otherwise change
 * nothing, silently) or that would switch off reading files, the identity
 * structure or secret detection.
 */
function checkRuleSettings(config: Config, rules: Map<string, Rule>): void {
  for (const [id, setting] of Object.entries(config.rules)) {
    if (!rules.has(id)) {
      throw new ConfigError(
        `policies.rules names ${id}, which is not a rule: check the id in docs/rules.md`,
        config.file ?? undefined,
      );
    }
    const weakened =
      setting.enabled === false ||
      (setting.severity !== undefined && setting.severity !== 'error');
    if (FIXED_RULES.has(id) && weakened) {
      throw new ConfigError(
        `policies.rules cannot switch off or lower ${id}: it keeps files readable, well-formed and free of secrets`,
        config.file ?? undefined,
      );
    }
  }
}
