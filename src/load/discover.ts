import ignore from 'ignore';
import { ConfigError } from '../model/config-error.js';
import type { Entry, Source } from './source.js';

const YAML_EXTENSION = /\.ya?ml$/i;

/** A path the check looked at but did not read, and why. */
export interface Skipped {
  path: string;
  reason: string;
}

export interface Discovery {
  /** YAML files to check, in a stable order. */
  files: string[];
  /** YAML paths that exist but are not regular files (links, submodules). */
  refused: Entry[];
  /** YAML files left out by an ignore pattern. */
  skipped: Skipped[];
}

/**
 * Finds identity files below the configured roots. Dot-folders are searched
 * like any other; `ignore` takes .gitignore patterns relative to the
 * repository root. Throws ConfigError when a root leaves the repository.
 */
export function discover(
  source: Source,
  roots: readonly string[],
  ignorePatterns: readonly string[],
): Discovery {
  const ignored = ignore().add(ignorePatterns.map(toPosix));
  const result: Discovery = { files: [], refused: [], skipped: [] };
  const seen = new Set<string>();

  for (const root of roots.map((r) => normalizeRepoPath(r, 'inventory root'))) {
    const top = source.list(root);
    if (top === null) {
      throw new ConfigError(
        `inventory root "${root}" does not exist: create it or fix inventory.roots`,
      );
    }
    walk(
      source,
      top,
      (entry) => {
        if (seen.has(entry.path)) return;
        seen.add(entry.path);
        if (ignored.ignores(entry.path)) {
          result.skipped.push({ path: entry.path, reason: 'ignore pattern' });
        } else if (entry.type === 'file') {
          result.files.push(entry.path);
        } else {
          result.refused.push(entry);
        }
      },
      ignored,
    );
  }

  result.files.sort();
  return result;
}

function walk(
  source: Source,
  entries: Entry[],
  visit: (entry: Entry) => void,
  ignored: ReturnType<typeof ignore>,
): void {
  for (const entry of entries) {
    if (entry.type === 'directory') {
      // A folder matched by a pattern such as `drafts/` is pruned whole.
      if (ignored.ignores(`${entry.path}/`)) continue;
      walk(source, source.list(entry.path) ?? [], visit, ignored);
    } else if (entry.type === 'file' || entry.type === 'other') {
      if (YAML_EXTENSION.test(entry.path)) visit(entry);
    } else {
      // Links and submodules are reported whatever their name: a link
      // called `team` may point at a folder of identities elsewhere.
      visit(entry);
    }
  }
}

/**
 * Turns a configured path into a clean repository-relative one. Backslashes
 * are accepted so that a configuration written on Windows works everywhere;
 * absolute paths and `..` are refused, since nothing outside the repository
 * is ever read.
 */
export function normalizeRepoPath(root: string, what: string): string {
  const parts = toPosix(root)
    .split('/')
    .filter((p) => p !== '' && p !== '.');
  if (/^[a-z]:$/i.test(parts[0] ?? '') || toPosix(root).startsWith('/')) {
    throw new ConfigError(
      `${what} "${root}" is absolute: write it relative to the repository`,
    );
  }
  if (parts.includes('..')) {
    throw new ConfigError(
      `${what} "${root}" leaves the repository: remove the ".." parts`,
    );
  }
  return parts.join('/');
}

function toPosix(text: string): string {
  return text.replace(/\\/g, '/');
}
