import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** File contents by repository path; null deletes the file. */
export type Files = Record<string, string | null>;

/** Git with no user or system configuration, and a fixed author. */
export const GIT_ENV = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.test',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.test',
};

/** Runs git in a folder and returns its trimmed output. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...GIT_ENV },
    encoding: 'utf8',
  }).trim();
}

/** A git repository in a temporary folder, for building commits. */
export class GitRepo {
  readonly dir: string;

  constructor(readonly root: string) {
    this.dir = path.join(root, 'author');
    mkdirSync(this.dir);
    git(this.dir, 'init', '-q', '-b', 'main');
  }

  /** Writes (or with null, deletes) files in the work tree. */
  write(files: Files): this {
    for (const [file, text] of Object.entries(files)) {
      const full = path.join(this.dir, file);
      if (text === null) {
        rmSync(full, { force: true });
        continue;
      }
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
    return this;
  }

  /** Adds a symbolic link at `file` pointing at `target`, unresolved. */
  symlink(file: string, target: string): this {
    const full = path.join(this.dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    symlinkSync(target, full);
    return this;
  }

  /** Commits everything in the work tree and returns the commit id. */
  commit(message: string): string {
    git(this.dir, 'add', '-A');
    git(this.dir, 'commit', '-q', '--allow-empty', '-m', message);
    return git(this.dir, 'rev-parse', 'HEAD');
  }

  branch(name: string): this {
    git(this.dir, 'checkout', '-q', '-b', name);
    return this;
  }
}

/** A pull request as the runner sees it: an origin and a checkout. */
export interface PullRequestRepo {
  root: string;
  /** The bare repository that plays `origin`. */
  origin: string;
  /** The runner's shallow checkout of the base branch. */
  workspace: string;
  baseSha: string;
  headSha: string;
}

export interface PullRequestRepoOptions {
  /** Commits that land on main after the branch began, one per entry. */
  baseMovesOn?: Files[];
  /** Check out the head commit in the workspace, links and all. */
  checkoutHead?: boolean;
}

/**
 * Builds a pull request: `base` files committed on main, then `head`
 * changes on a branch (a function may add links). The head is published in
 * origin only as refs/pull/1/head, and the workspace is a depth-1 clone of
 * main, as actions/checkout leaves it: the head commit must be fetched.
 */
export function pullRequestRepo(
  base: Files,
  head: Files | ((repo: GitRepo) => void),
  options: PullRequestRepoOptions = {},
): PullRequestRepo {
  const root = mkdtempSync(path.join(tmpdir(), 'nhi-action-'));
  const repo = new GitRepo(root);
  let baseSha = repo.write(base).commit('base');
  repo.branch('feature');
  if (typeof head === 'function') head(repo);
  else repo.write(head);
  const headSha = repo.commit('head');
  if (options.baseMovesOn) {
    git(repo.dir, 'checkout', '-q', 'main');
    for (const [i, files] of options.baseMovesOn.entries()) {
      baseSha = repo.write(files).commit(`main moves on ${i + 1}`);
    }
  }

  const origin = path.join(root, 'origin.git');
  git(root, 'clone', '-q', '--bare', repo.dir, origin);
  git(origin, 'update-ref', 'refs/pull/1/head', headSha);
  git(origin, 'branch', '-q', '-D', 'feature');
  const workspace = path.join(root, 'workspace');
  const url = `file://${origin}`;
  git(root, 'clone', '-q', '--depth=1', '--branch', 'main', url, workspace);
  if (options.checkoutHead) {
    git(workspace, 'fetch', '-q', '--depth=1', 'origin', 'refs/pull/1/head');
    git(workspace, 'checkout', '-q', 'FETCH_HEAD');
  }
  return { root, origin, workspace, baseSha, headSha };
}

/** Reads a fixture file from test/action/fixtures. */
export function fixture(name: string): string {
  return readFileSync(
    new URL(`../action/fixtures/${name}`, import.meta.url),
    'utf8',
  );
}
