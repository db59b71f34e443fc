import { isCommitId } from '../load/git.js';
import { ConfigError } from '../model/config-error.js';

/** What the check needs to know of the pull request behind an event. */
export interface PullRequest {
  /** The pull request number; null for a merge queue group. */
  number: number | null;
  baseSha: string;
  headSha: string;
  /** `owner/name` of the repository the head branch lives in. */
  headRepo: string;
  /** True when the head branch is in another repository (a fork). */
  fork: boolean;
  /** The login of the pull request's author; '' for a merge group. */
  author: string;
  /** The branch the pull request merges into, without `refs/heads/`. */
  baseRef: string;
  /** The repository's default branch, as the event names it. */
  defaultBranch: string;
}

type Payload = Record<string, unknown>;

/**
 * Reads the base and head commits from the event payload. Throws
 * ConfigError when the payload lacks them or they are not commit ids.
 */
export function pullRequestOf(
  eventName: string,
  payload: Payload,
): PullRequest {
  const defaultBranch = String(
    field(field(payload, 'repository'), 'default_branch') ?? '',
  );
  if (eventName === 'merge_group') {
    const group = field(payload, 'merge_group');
    const baseRef = String(field(group, 'base_ref') ?? '');
    return {
      number: null,
      baseSha: sha(field(group, 'base_sha'), 'merge_group.base_sha'),
      headSha: sha(field(group, 'head_sha'), 'merge_group.head_sha'),
      headRepo: '',
      fork: false,
      author: '',
      baseRef: baseRef.replace(/^refs\/heads\//, ''),
      defaultBranch,
    };
  }
  const pr = field(payload, 'pull_request');
  const base = field(pr, 'base');
  const head = field(pr, 'head');
  const baseRepo = String(field(field(base, 'repo'), 'full_name') ?? '');
  const headRepo = String(field(field(head, 'repo'), 'full_name') ?? '');
  return {
    number: typeof pr?.number === 'number' ? pr.number : null,
    baseSha: sha(field(base, 'sha'), 'pull_request.base.sha'),
    headSha: sha(field(head, 'sha'), 'pull_request.head.sha'),
    headRepo,
    // A deleted fork has no head repository: treat it as a fork.
    fork: headRepo === '' || headRepo !== baseRepo,
    author: String(field(field(pr, 'user'), 'login') ?? ''),
    baseRef: String(field(base, 'ref') ?? ''),
    defaultBranch,
  };
}

function field(value: unknown, key: string): Payload | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  return (value as Payload)[key] as Payload | undefined;
}

function sha(value: unknown, where: string): string {
  if (isCommitId(value)) return value;
  throw new ConfigError(
    `the event payload has no commit id at ${where}: is the workflow triggered by a pull request event?`,
  );
}
