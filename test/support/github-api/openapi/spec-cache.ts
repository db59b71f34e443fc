import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GitHubSpec, OpenApiSchema, OperationSpec } from './load-spec.js';

/** Bump when the cached layout changes. */
const LAYOUT = 1;

interface CachedSpec extends Omit<GitHubSpec, 'operations'> {
  operations: Array<
    Omit<OperationSpec, 'responses'> & {
      responses: Array<[number, OpenApiSchema | null]>;
    }
  >;
}

/**
 * Where the extract of the description for `keys` is kept: next to the
 * package in `node_modules/.cache`, named after the package version and
 * the routes, so a new version or route table never reads a stale one.
 */
export function cacheFile(packageJson: string, keys: string): string {
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as {
    version: string;
  };
  const hash = createHash('sha256').update(`${LAYOUT}\n${keys}`).digest('hex');
  const modules = join(dirname(packageJson), '..', '..');
  const name = `openapi-${version}-${hash.slice(0, 16)}.json`;
  return join(modules, '.cache', 'nhi-policy-github-api', name);
}

/** The cached extract, or undefined when absent or unreadable. */
export function readSpecCache(file: string): GitHubSpec | undefined {
  let cached: CachedSpec;
  try {
    cached = JSON.parse(readFileSync(file, 'utf8')) as CachedSpec;
  } catch {
    return undefined;
  }
  const operations = cached.operations.map((op): [string, OperationSpec] => [
    `${op.method} ${op.path}`,
    { ...op, responses: new Map(op.responses) },
  ]);
  return { ...cached, operations: new Map(operations), fromCache: true };
}

/**
 * Saves the extract; written to a temporary file and renamed, so test
 * workers starting together never read half a file. A cache that cannot
 * be written is skipped: it only saves time.
 */
export function writeSpecCache(file: string, spec: GitHubSpec): void {
  const cached: CachedSpec = {
    ...spec,
    operations: [...spec.operations.values()].map((op) => ({
      ...op,
      responses: [...op.responses],
    })),
  };
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify(cached));
    renameSync(temporary, file);
  } catch {
    // Read-only node_modules: every run reads the description instead.
  }
}
