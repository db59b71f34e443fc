import type { Git } from './git.js';
import type { EntryType } from './source.js';

/** One entry of a git tree, as `git ls-tree -l` shows it. */
export interface TreeEntry {
  path: string;
  type: EntryType;
  /** The object id: a blob, a tree or (for a submodule) a commit. */
  oid: string;
  /** Size in bytes for a blob, else -1. */
  size: number;
}

/**
 * Lists a folder of a commit: its direct entries, or with `recursive` every
 * entry below it, folders included. `dir` is repository-relative, '' for
 * the top. A folder that is absent, or is really a link, lists as empty.
 */
export function readTree(
  git: Git,
  commit: string,
  dir: string,
  recursive: boolean,
): TreeEntry[] {
  const args = ['ls-tree', '-z', '-l', ...(recursive ? ['-r', '-t'] : [])];
  args.push(commit, ...(dir === '' ? [] : ['--', `${dir}/`]));
  return git
    .run(args)
    .toString('utf8')
    .split('\0')
    .filter((line) => line !== '')
    .map(parseLine);
}

/** Parses `<mode> <type> <oid> <size>\t<path>`. */
function parseLine(line: string): TreeEntry {
  const tab = line.indexOf('\t');
  const [mode = '', kind = '', oid = '', size = '-'] = line
    .slice(0, tab)
    .split(/ +/);
  return {
    path: line.slice(tab + 1),
    type: entryType(mode, kind),
    oid,
    size: size === '-' ? -1 : Number(size),
  };
}

function entryType(mode: string, kind: string): EntryType {
  if (mode === '120000') return 'symlink';
  if (mode === '160000' || kind === 'commit') return 'submodule';
  if (kind === 'tree') return 'directory';
  if (kind === 'blob') return 'file';
  return 'other';
}
