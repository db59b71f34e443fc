import type { Ajv2020 } from 'ajv/dist/2020.js';
import { ConfigError } from '../model/config-error.js';
import { normalizeRepoPath } from '../load/discover.js';
import type { Source } from '../load/source.js';
import { CONFIG_FILES, DEFAULT_CONFIG, type Config } from './config.js';
import { readValidatedYaml, type ConfigDocument } from './read-document.js';

interface ConfigFile {
  inventory?: { roots?: string[]; ignore?: string[]; maxFileBytes?: number };
  owners?: string;
  waivers?: string;
  runbooks?: string;
  policies?: { defaults?: boolean; paths?: string[]; rules?: Config['rules'] };
  failOn?: Config['failOn'];
  approvals?: Record<string, unknown>;
  audit?: Record<string, unknown>;
}

/**
 * Reads the first configuration file found at the top of the tree and fills
 * in defaults. No file means the defaults; a broken one is a ConfigError.
 */
export function loadConfig(
  source: Source,
  ajv: Ajv2020,
  schema: Record<string, unknown>,
): Config {
  const validate = ajv.compile(schema);
  for (const file of CONFIG_FILES) {
    const doc = readValidatedYaml(source, file, validate, schema);
    if (doc !== null) return withDefaults(doc, file);
  }
  return { ...DEFAULT_CONFIG };
}

function withDefaults(doc: ConfigDocument, file: string): Config {
  const value = doc.value as ConfigFile;
  const d = DEFAULT_CONFIG;
  const where = (text: string, what: string, pointer: string) => {
    try {
      return normalizeRepoPath(text, what);
    } catch (error) {
      throw new ConfigError(
        (error as Error).message,
        file,
        doc.lineOf(pointer),
      );
    }
  };
  return {
    file,
    roots: (value.inventory?.roots ?? d.roots).map((r, i) =>
      where(r, 'inventory root', `/inventory/roots/${i}`),
    ),
    ignore: value.inventory?.ignore ?? d.ignore,
    maxFileBytes: value.inventory?.maxFileBytes ?? d.maxFileBytes,
    ownersFile: where(value.owners ?? d.ownersFile, 'owners file', '/owners'),
    waiversDir: where(
      value.waivers ?? d.waiversDir,
      'waivers folder',
      '/waivers',
    ),
    runbooksDir:
      value.runbooks === undefined
        ? d.runbooksDir
        : where(value.runbooks, 'runbooks folder', '/runbooks'),
    useDefaultPolicies: value.policies?.defaults ?? d.useDefaultPolicies,
    policyPaths: (value.policies?.paths ?? d.policyPaths).map((p, i) =>
      where(p, 'policy folder', `/policies/paths/${i}`),
    ),
    rules: value.policies?.rules ?? d.rules,
    failOn: value.failOn ?? d.failOn,
    approvals: value.approvals ?? d.approvals,
    audit: value.audit ?? d.audit,
  };
}
