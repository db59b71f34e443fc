import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubApi, TOKENS, type GitHubApi } from './index.js';

const HEAD = 'e'.repeat(40);
const STATUSES = `/repos/acme/identities/statuses/${HEAD}`;
const MEMBERS = '/orgs/acme/teams/payments-platform/members';

describe('tokens', () => {
  let api: GitHubApi;

  beforeEach(async () => {
    api = await startGitHubApi();
    api.state.addPullRequest({
      number: 5,
      author: 'mallory',
      headSha: HEAD,
      baseSha: 'f'.repeat(40),
      forkOwner: 'mallory',
    });
    api.state.setTeam('acme', 'payments-platform', ['bob']);
  });

  afterEach(async () => {
    api.assertNoSchemaViolations();
    await api.close();
  });

  it('refuses writes of a read-only token with 403', async () => {
    const response = await call(api, TOKENS.fork, 'POST', STATUSES, {
      state: 'success',
      context: 'nhi-policy/approvals',
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-accepted-github-permissions')).toBe(
      'statuses=write',
    );
    expect(await response.json()).toEqual({
      message: 'Resource not accessible by integration',
      documentation_url:
        'https://docs.github.com/rest/commits/statuses#create-a-commit-status',
      status: '403',
    });
    expect(api.state.statuses(HEAD)).toEqual([]);
  });

  it('lets a read-only token read', async () => {
    const response = await call(
      api,
      TOKENS.fork,
      'GET',
      '/repos/acme/identities/pulls/5',
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      head: { repo: { full_name: 'mallory/identities', fork: true } },
    });
  });

  it('logs the refused write with its token', async () => {
    await call(api, TOKENS.fork, 'POST', STATUSES, { state: 'failure' });
    expect(api.writes()).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: STATUSES,
        body: { state: 'failure' },
        token: TOKENS.fork,
        operationId: 'repos/create-commit-status',
        status: 403,
      }),
    ]);
  });

  it('answers 401 Bad credentials to an unknown token', async () => {
    const response = await call(api, 'ghs_revoked', 'GET', '/rate_limit');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'Bad credentials' });
  });

  it('answers 401 Requires authentication without a token', async () => {
    const response = await fetch(`${api.url}/repos/acme/identities/pulls/5`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      message: 'Requires authentication',
    });
  });

  it('hides org teams from the default token with 404', async () => {
    const response = await call(api, TOKENS.actions, 'GET', MEMBERS);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ message: 'Not Found' });
  });

  it('shows org teams to a token that can read them', async () => {
    const response = await call(api, TOKENS.orgReader, 'GET', MEMBERS);
    const members = (await response.json()) as Array<{ login: string }>;
    expect(members.map((member) => member.login)).toEqual(['bob']);
  });

  it('answers 403 for a team denied to every token', async () => {
    api.state.denyTeam('acme', 'payments-platform', 403);
    const response = await call(api, TOKENS.orgReader, 'GET', MEMBERS);
    expect(response.status).toBe(403);
    expect(response.headers.get('x-accepted-github-permissions')).toBe(
      'members=read',
    );
  });

  it('answers 404 for membership of a non-member', async () => {
    const path = '/orgs/acme/teams/payments-platform/memberships/carol';
    const response = await call(api, TOKENS.orgReader, 'GET', path);
    expect(response.status).toBe(404);
  });
});

function call(
  api: GitHubApi,
  token: string,
  method: string,
  path: string,
  body?: unknown,
) {
  return fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `token ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
