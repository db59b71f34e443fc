import type { Severity } from '../model/finding.js';
import type { RuleSettings } from '../evaluate/identity-checker.js';

/** The threshold at which findings fail the check. */
export type FailOn = Severity | 'never';

/** The configuration file, with every default filled in. */
export interface Config {
  /** The file it was read from, or null when defaults apply. */
  file: string | null;
  roots: string[];
  ignore: string[];
  maxFileBytes: number;
  ownersFile: string;
  waiversDir: string;
  /** Folder of generated runbooks, or null when runbooks are not kept. */
  runbooksDir: string | null;
  useDefaultPolicies: boolean;
  policyPaths: string[];
  rules: RuleSettings;
  failOn: FailOn;
  /** Raw sections read by the approval gate and the scheduled audit. */
  approvals: Record<string, unknown>;
  audit: Record<string, unknown>;
}

/** Names the configuration file may have, first match wins. */
export const CONFIG_FILES = [
  'nhi-policy.yaml',
  'nhi-policy.yml',
  '.nhi-policy.yaml',
  '.nhi-policy.yml',
];

export const DEFAULT_CONFIG: Config = {
  file: null,
  roots: ['identities'],
  ignore: [],
  maxFileBytes: 256 * 1024,
  ownersFile: 'owners.yaml',
  waiversDir: 'waivers',
  runbooksDir: null,
  useDefaultPolicies: true,
  policyPaths: [],
  rules: {},
  failOn: 'error',
  approvals: {},
  audit: {},
};
