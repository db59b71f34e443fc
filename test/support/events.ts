/** Options for a pull_request event payload. */
export interface PullRequestEventOptions {
  baseSha: string;
  headSha: string;
  number?: number;
  repository?: string;
  /** `owner/name` of the head branch's repository; a fork when different. */
  headRepository?: string;
  author?: string;
}

/**
 * A pull_request event payload shaped like the one GitHub writes to
 * GITHUB_EVENT_PATH (the fields nhi-policy reads, and their neighbours).
 */
export function pullRequestEvent(options: PullRequestEventOptions) {
  const repository = options.repository ?? 'acme/identities';
  const headRepository = options.headRepository ?? repository;
  const author = options.author ?? 'alice';
  const number = options.number ?? 1;
  const repo = (fullName: string) => ({
    id: fullName === repository ? 1001 : 2002,
    name: fullName.split('/')[1],
    full_name: fullName,
    private: false,
    fork: fullName !== repository,
    owner: { login: fullName.split('/')[0], type: 'Organization' },
    default_branch: 'main',
  });
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      state: 'open',
      draft: false,
      title: 'Add an identity',
      user: { login: author, type: 'User' },
      head: {
        label: `${headRepository.split('/')[0]}:feature`,
        ref: 'feature',
        sha: options.headSha,
        repo: repo(headRepository),
        user: { login: headRepository.split('/')[0], type: 'User' },
      },
      base: {
        label: `${repository.split('/')[0]}:main`,
        ref: 'main',
        sha: options.baseSha,
        repo: repo(repository),
      },
    },
    repository: repo(repository),
    sender: { login: author, type: 'User' },
  };
}
