import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubApi, TOKENS, type GitHubApi } from './index.js';

const HEAD = '3'.repeat(40);
const REPO = '/repos/acme/identities';
const NOW = new Date('2025-06-02T08:30:00Z');

describe('routes', () => {
  let api: GitHubApi;

  beforeEach(async () => {
    api = await startGitHubApi({ clock: () => NOW });
    api.state.addPullRequest({
      number: 1,
      author: 'alice',
      headSha: HEAD,
      baseSha: '4'.repeat(40),
      headRef: 'rotate-deploy-bot',
    });
  });

  afterEach(async () => {
    api.assertNoSchemaViolations();
    await api.close();
  });

  it('creates, closes and reopens an issue', async () => {
    const created = await send(api, 'POST', `${REPO}/issues`, {
      title: 'NHI audit: payments',
      labels: ['nhi-audit'],
      assignees: ['bob'],
    });
    expect(created).toMatchObject({
      status: 201,
      body: { number: 2, user: { login: 'github-actions[bot]' } },
    });

    const closed = await send(api, 'PATCH', `${REPO}/issues/2`, {
      state: 'closed',
    });
    expect(closed.body).toMatchObject({
      state: 'closed',
      state_reason: 'completed',
      closed_at: '2025-06-02T08:30:00Z',
      closed_by: { login: 'github-actions[bot]' },
    });

    await send(api, 'PATCH', `${REPO}/issues/2`, { state: 'open' });
    expect(api.state.issue(2)).toMatchObject({
      state: 'open',
      stateReason: 'reopened',
      closedAt: null,
    });
  });

  it('filters issues by state, label and creator', async () => {
    api.state.addIssue({ title: 'a', labels: ['nhi-audit'], user: 'bob' });
    api.state.addIssue({ title: 'b', labels: ['nhi-audit'] });
    api.state.addIssue({ title: 'c', labels: ['nhi-audit'], state: 'closed' });
    const query = 'labels=nhi-audit&creator=github-actions%5Bbot%5D&state=all';

    const { body } = await send(api, 'GET', `${REPO}/issues?${query}`);

    expect((body as Array<{ title: string }>).map((i) => i.title)).toEqual([
      'c',
      'b',
    ]);
  });

  it('adds a comment and counts it on the issue', async () => {
    const issue = api.state.addIssue({ title: 'audit' });
    const path = `${REPO}/issues/${issue.number}/comments`;
    await send(api, 'POST', path, { body: 'Nothing is due any more.' });

    const { body } = await send(api, 'GET', `${REPO}/issues?state=all`);
    expect(body).toContainEqual(
      expect.objectContaining({ number: issue.number, comments: 1 }),
    );
    expect(api.state.issue(issue.number).comments[0]).toMatchObject({
      user: 'github-actions[bot]',
      body: 'Nothing is due any more.',
    });
  });

  it('lists a pull request in the issues API with pull_request', async () => {
    const { body } = await send(api, 'GET', `${REPO}/issues`);
    expect(body).toEqual([
      expect.objectContaining({
        number: 1,
        pull_request: expect.objectContaining({
          url: `${api.url}${REPO}/pulls/1`,
        }),
      }),
    ]);
  });

  it('serves a file at a ref, base64 in 60-character lines', async () => {
    const text = 'owner: payments-platform\n'.repeat(4);
    api.state.setFile('identities/deploy-bot.yaml', text, HEAD);
    const path = `${REPO}/contents/identities/deploy-bot.yaml?ref=${HEAD}`;

    const { body } = await send(api, 'GET', path);

    const content = (body as { content: string }).content;
    expect(content.split('\n')[0]).toHaveLength(60);
    expect(Buffer.from(content, 'base64').toString('utf8')).toBe(text);
  });

  it('lists a directory and says when a ref has no commit', async () => {
    api.state.setFiles({
      'identities/a.yaml': 'a',
      'identities/x/b.yaml': 'b',
    });
    const listing = await send(api, 'GET', `${REPO}/contents/identities`);
    expect(listing.body).toMatchObject([
      { name: 'a.yaml', type: 'file' },
      { name: 'x', type: 'dir' },
    ]);

    const missing = await send(api, 'GET', `${REPO}/contents/a?ref=nope`);
    expect(missing).toMatchObject({
      status: 404,
      body: { message: 'No commit found for the ref nope' },
    });
  });

  it('lists statuses of a branch name, newest first', async () => {
    const statuses = `${REPO}/statuses/${HEAD}`;
    await send(api, 'POST', statuses, { state: 'pending', context: 'nhi' });
    await send(api, 'POST', statuses, { state: 'success', context: 'nhi' });

    const ref = `${REPO}/commits/rotate-deploy-bot/statuses`;
    const { body } = await send(api, 'GET', ref);

    expect((body as Array<{ state: string }>).map((s) => s.state)).toEqual([
      'success',
      'pending',
    ]);
  });

  it('serves statuses and check runs seeded by the test', async () => {
    const sha = '5'.repeat(40);
    api.state.addStatus(sha, { state: 'failure', context: 'nhi-policy' });
    api.state.addCheckRun(sha, { name: 'nhi-policy', conclusion: 'failure' });

    const statuses = await send(api, 'GET', `${REPO}/commits/${sha}/statuses`);
    const checks = await send(api, 'GET', `${REPO}/commits/${sha}/check-runs`);

    expect(statuses.body).toMatchObject([
      { state: 'failure', context: 'nhi-policy' },
    ]);
    expect(checks.body).toMatchObject({
      check_runs: [{ status: 'completed', conclusion: 'failure' }],
    });
  });

  it('refuses a status description over 140 characters', async () => {
    const { status } = await send(api, 'POST', `${REPO}/statuses/${HEAD}`, {
      state: 'failure',
      description: 'x'.repeat(141),
    });
    expect(status).toBe(422);
  });

  it('refuses a status on a commit it does not know', async () => {
    const sha = '9'.repeat(40);
    const { status, body } = await send(
      api,
      'POST',
      `${REPO}/statuses/${sha}`,
      {
        state: 'success',
      },
    );
    expect(status).toBe(422);
    expect(JSON.stringify(body)).toContain(`No commit found for SHA: ${sha}`);
  });

  it('completes a check run and lists only the latest per name', async () => {
    const runs = `${REPO}/check-runs`;
    await send(api, 'POST', runs, { name: 'nhi-policy', head_sha: HEAD });
    const second = await send(api, 'POST', runs, {
      name: 'nhi-policy',
      head_sha: HEAD,
      status: 'in_progress',
    });
    const id = (second.body as { id: number }).id;
    await send(api, 'PATCH', `${runs}/${id}`, {
      conclusion: 'failure',
      output: { title: 'Approval missing', summary: 'payments-platform' },
    });

    const { body } = await send(
      api,
      'GET',
      `${REPO}/commits/${HEAD}/check-runs`,
    );

    expect(body).toMatchObject({
      total_count: 1,
      check_runs: [
        {
          id,
          status: 'completed',
          conclusion: 'failure',
          output: { title: 'Approval missing' },
          pull_requests: [{ number: 1 }],
        },
      ],
    });
  });

  it('records an unknown route and answers 404', async () => {
    const { status } = await send(api, 'GET', `${REPO}/branches/main`);
    expect(status).toBe(404);
    expect(api.unknownRoutes()).toEqual([
      {
        method: 'GET',
        path: `${REPO}/branches/main`,
        githubOperation: 'repos/get-branch',
      },
    ]);
    expect(() => api.assertNoUnknownRoutes()).toThrow(/repos\/get-branch/);
  });

  it('answers 404 for another repository', async () => {
    const { status } = await send(api, 'GET', '/repos/acme/other/pulls/1');
    expect(status).toBe(404);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await fetch(`${api.url}${REPO}/labels`, {
      method: 'POST',
      headers: { authorization: `token ${TOKENS.actions}` },
      body: '{"name": ',
    });
    expect(response.status).toBe(400);
  });

  it('shows in the log that no write was attempted', async () => {
    await send(api, 'GET', `${REPO}/pulls/1`);
    await send(api, 'GET', `${REPO}/pulls/1/files`);
    expect(api.writes()).toEqual([]);
    expect(api.requests().map((r) => r.operationId)).toEqual([
      'pulls/get',
      'pulls/list-files',
    ]);
  });
});

async function send(
  api: GitHubApi,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `token ${TOKENS.actions}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}
