import type { Git } from './git.js';

export type ChangeStatus =
  'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed';

/** One file a pull request changes; paths are repository-relative. */
export interface Change {
  status: ChangeStatus;
  path: string;
  /** The old path of a renamed or copied file. */
  previousPath?: string;
}

const STATUS: Record<string, ChangeStatus> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
};

/**
 * Every file that differs between two commits, with renames detected, from
 * git's own diff of the two trees: no API call and no page limit. Throws
 * GitError when a commit is missing.
 */
export function changedFiles(git: Git, from: string, to: string): Change[] {
  const fields = git
    .run(['diff-tree', '-r', '-z', '-M', '--name-status', from, to])
    .toString('utf8')
    .split('\0');
  const changes: Change[] = [];
  for (let i = 0; i + 1 < fields.length;) {
    const letter = fields[i]?.charAt(0) ?? '';
    const status = STATUS[letter] ?? 'modified';
    if (letter === 'R' || letter === 'C') {
      const [previousPath = '', path = ''] = fields.slice(i + 1, i + 3);
      changes.push({ status, path, previousPath });
      i += 3;
    } else {
      changes.push({ status, path: fields[i + 1] ?? '' });
      i += 2;
    }
  }
  return changes;
}
