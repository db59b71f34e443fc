import { CONFIG_FILES, type Config } from '../config/config.js';
import type { Change } from '../load/changed-files.js';
import { toInventoryPath } from './repo-paths.js';

const WORKFLOWS = '.github/workflows/';

/**
 * The changed paths that govern the check instead of describing an
 * identity: the configuration, the owners registry, waivers, policy
 * folders, and workflow files (which choose the Action's inputs). The pull
 * request is judged by their base versions, and changing them needs the
 * policy owners' approval. Returns sorted repository-relative paths.
 */
export function policyChanges(
  changes: readonly Change[],
  config: Config,
  directory: string,
): string[] {
  const governed = (repoPath: string): boolean => {
    if (repoPath.startsWith(WORKFLOWS)) return true;
    const path = toInventoryPath(directory, repoPath);
    if (path === null) return false;
    return (
      CONFIG_FILES.includes(path) ||
      path === config.ownersFile ||
      within(path, config.waiversDir) ||
      config.policyPaths.some((dir) => within(path, dir))
    );
  };
  const paths = changes.flatMap((c) => [c.path, c.previousPath ?? '']);
  return [...new Set(paths.filter((p) => p !== '' && governed(p)))].sort();
}

function within(path: string, dir: string): boolean {
  return dir === '' ? !path.includes('/') : path.startsWith(`${dir}/`);
}
