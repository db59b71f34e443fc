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
  /** YAML files left out by an ignore pattern, in path order. */
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
  const visit = (entry: Entry) => {
    if (seen.has(entry.path)) return;
    seen.add(entry.path);
    if (ignored.ignores(entry.path)) {
      result.skipped.push({ path: entry.path, reason: 'ignore pattern' });
    } else if (entry.type === 'file') {
      result.files.push(entry.path);
    } else {
      result.refused.push(entry);
    }
  };

  for (const root of roots.map((r) => normalizeRepoPath(r, 'inventory root'))) {
    // A root reached through a link would be read from wherever it points.
    const link = linkOnPath(source, root);
    if (link) {
      visit(link);
      continue;
    }
    const top = source.list(root);
    if (top === null) {
      throw new ConfigError(
        `inventory root "${root}" does not exist: create it or fix inventory.roots`,
      );
    }
    walk(source, top, visit);
  }

  result.files.sort();
  result.skipped.sort((a, b) => (a.path < b.path ? -1 : 1));
  return result;
}

function walk(
  source: Source,
  entries: Entry[],
  visit: (entry: Entry) => void,
): void {
  for (const entry of entries) {
    if (entry.type === 'directory') {
      // Ignored folders are walked too, so that their files are listed as
      // skipped rather than silently left out of the counts.
      walk(source, source.list(entry.path) ?? [], visit);
    } else if (entry.type === 'file' || entry.type === 'other') {
      if (YAML_EXTENSION.test(entry.path)) visit(entry);
    } else {
      // Links and submodules are reported whatever their name: a link
      // called `team` may point at a folder of identities elsewhere.
      visit(entry);
    }
  }
}

/** The first link or submodule on the way from the top down to `root`. */
function linkOnPath(source: Source, root: string): Entry | null {
  const parts = root === '' ? [] : root.split('/');
  for (let depth = 1; depth <= parts.length; depth++) {
    const parent = parts.slice(0, depth - 1).join('/');
    const path = parts.slice(0, depth).join('/');
    const entry = source.list(parent)?.find((e) => e.path === path);
    if (entry?.type === 'symlink' || entry?.type === 'submodule') return entry;
  }
  return null;
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
