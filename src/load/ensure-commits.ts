import type { Git } from './git.js';
import { GitError } from './git-error.js';

/** How many commits of history a fetch brings into a shallow clone. */
const FETCH_DEPTH = 100;

/**
 * Makes sure each commit is in the local repository, fetching the missing
 * ones from `origin` by id (tags left alone). A shallow clone stays shallow:
 * the fetch is limited to recent history. Returns the ids it fetched.
 */
export function ensureCommits(git: Git, commits: readonly string[]): string[] {
  const missing = [...new Set(commits)].filter((c) => !hasCommit(git, c));
  if (missing.length === 0) return [];
  const depth = isShallow(git) ? [`--depth=${FETCH_DEPTH}`] : [];
  git.run(['fetch', '--no-tags', ...depth, 'origin', ...missing]);
  for (const commit of missing) {
    if (!hasCommit(git, commit)) {
      throw new GitError(['fetch', 'origin', commit], 'commit not received');
    }
  }
  return missing;
}

/** True when the commit's object is in the local repository. */
export function hasCommit(git: Git, commit: string): boolean {
  return git.succeeds(['cat-file', '-e', `${commit}^{commit}`]);
}

/** True when the repository is a shallow clone. */
export function isShallow(git: Git): boolean {
  const out = git.run(['rev-parse', '--is-shallow-repository']);
  return out.toString('utf8').trim() === 'true';
}
