/** What one token may do on the fake API. */
export interface TokenGrant {
  /** The account writes are attributed to (status creator, comment user). */
  login: string;
  /** Whether POST/PATCH are allowed; false answers 403 as for a fork PR. */
  writes: boolean;
  /**
   * What the organisation team endpoints answer: `read` serves them; 404 is
   * what GitHub answers the default GITHUB_TOKEN; 403 is a fine-grained
   * token without the Members permission.
   */
  teams: 'read' | 403 | 404;
}

/** Tokens every server accepts unless `tokens` is given. */
export const TOKENS = {
  /** The workflow's GITHUB_TOKEN: writes, cannot read org teams. */
  actions: 'ghs_test_actions_token',
  /** A fork pull request's GITHUB_TOKEN: read-only. */
  fork: 'ghs_test_fork_readonly_token',
  /** A token that can also read organisation teams (PAT or app). */
  orgReader: 'ghs_test_org_reader_token',
} as const;

/** The grants of `TOKENS`. */
export function defaultTokenGrants(): Record<string, TokenGrant> {
  const bot = 'github-actions[bot]';
  return {
    [TOKENS.actions]: { login: bot, writes: true, teams: 404 },
    [TOKENS.fork]: { login: bot, writes: false, teams: 404 },
    [TOKENS.orgReader]: {
      login: 'nhi-policy[bot]',
      writes: true,
      teams: 'read',
    },
  };
}

/**
 * The token of an `Authorization` header (`token X` or `Bearer X`), or
 * undefined when there is none.
 */
export function tokenOf(header: string | undefined): string | undefined {
  const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
