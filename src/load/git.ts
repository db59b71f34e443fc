import { spawnSync } from 'node:child_process';
import { GitError } from './git-error.js';

const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;
const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * Runs git in one repository: synchronously, without a shell, with paths
 * taken literally and no prompt for credentials. Only plumbing that reads
 * objects or fetches them is used; nothing is ever checked out.
 */
export class Git {
  constructor(readonly dir: string) {}

  /** Runs `git args…` and returns its output; throws GitError on failure. */
  run(args: readonly string[], input?: string): Buffer {
    const result = spawnSync('git', args, {
      cwd: this.dir,
      input,
      maxBuffer: MAX_OUTPUT_BYTES,
      env: {
        ...process.env,
        GIT_LITERAL_PATHSPECS: '1',
        GIT_TERMINAL_PROMPT: '0',
        LC_ALL: 'C',
      },
    });
    if (result.error) throw new GitError(args, result.error.message);
    if (result.status !== 0) {
      throw new GitError(args, result.stderr.toString('utf8').trim());
    }
    return result.stdout;
  }

  /** True when `git args…` exits with status 0. */
  succeeds(args: readonly string[]): boolean {
    try {
      this.run(args);
      return true;
    } catch (error) {
      if (error instanceof GitError) return false;
      throw error;
    }
  }
}

/**
 * Checks that a value from an event payload is a full commit id, so that
 * it can never be read by git as an option or a revision expression.
 */
export function isCommitId(value: unknown): value is string {
  return typeof value === 'string' && COMMIT_ID.test(value);
}
