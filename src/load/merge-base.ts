import { isShallow } from './ensure-commits.js';
import type { Git } from './git.js';
import { GitError } from './git-error.js';

/** How far a shallow clone is deepened, step by step, to find the base. */
const DEEPEN_STEPS = [100, 1000];

/**
 * The commit where the head branch left the base branch, so that the diff
 * shows what the pull request changed and nothing that landed on the base
 * since. In a shallow clone, history is fetched deeper until it is found,
 * and in full as a last resort. Throws GitError when there is none.
 */
export function findMergeBase(git: Git, base: string, head: string): string {
  const found = tryMergeBase(git, base, head);
  if (found) return found;
  for (const step of DEEPEN_STEPS) {
    if (!isShallow(git)) break;
    git.run(['fetch', '--no-tags', `--deepen=${step}`, 'origin', base, head]);
    const deeper = tryMergeBase(git, base, head);
    if (deeper) return deeper;
  }
  if (isShallow(git)) {
    git.run(['fetch', '--no-tags', '--unshallow', 'origin', base, head]);
    const full = tryMergeBase(git, base, head);
    if (full) return full;
  }
  throw new GitError(
    ['merge-base', base, head],
    'the base and head commits share no history',
  );
}

function tryMergeBase(git: Git, base: string, head: string): string | null {
  try {
    return git.run(['merge-base', base, head]).toString('utf8').trim() || null;
  } catch (error) {
    if (error instanceof GitError) return null;
    throw error;
  }
}
