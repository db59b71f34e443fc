/** A git command that failed: which one, and what git said. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly detail: string,
  ) {
    super(`git ${args.join(' ')} failed: ${detail || 'no message'}`);
    this.name = 'GitError';
  }
}
