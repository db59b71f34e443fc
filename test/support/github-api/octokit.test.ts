import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { getOctokit } from '@actions/github';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubApi, TOKENS, type GitHubApi } from './index.js';

const HEAD = '1'.repeat(40);
const REPO = { owner: 'acme', repo: 'identities' };

describe('a real Octokit client', () => {
  let api: GitHubApi;

  beforeEach(async () => {
    api = await startGitHubApi();
    api.state.addPullRequest({
      number: 41,
      author: 'alice',
      headSha: HEAD,
      baseSha: '2'.repeat(40),
      files: ['identities/payments/deploy-bot.yaml'],
    });
  });

  afterEach(async () => {
    api.assertNoSchemaViolations();
    api.assertNoUnknownRoutes();
    await api.close();
  });

  it('lists every review across pages', async () => {
    for (let i = 0; i < 35; i += 1) {
      api.state.addReview(41, { user: 'carol', state: 'COMMENTED' });
    }
    api.state.addReview(41, { user: 'bob', state: 'APPROVED' });
    const octokit = getOctokit(TOKENS.actions, { baseUrl: api.url });

    const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
      ...REPO,
      pull_number: 41,
      per_page: 10,
    });

    expect(reviews).toHaveLength(36);
    expect(reviews.at(-1)).toMatchObject({
      user: { login: 'bob' },
      state: 'APPROVED',
      commit_id: HEAD,
    });
    const pages = api.requests().map((r) => r.query.page ?? '1');
    expect(pages).toEqual(['1', '2', '3', '4']);
  });

  it('finds the labelled issue among PRs and other issues', async () => {
    api.state.addIssue({ title: 'Unrelated', labels: ['bug'] });
    const audit = api.state.addIssue({
      title: 'NHI audit: payments',
      body: '<!-- nhi-policy:audit team=payments -->',
      labels: ['nhi-audit'],
    });
    const octokit = getOctokit(TOKENS.actions, { baseUrl: api.url });

    const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
      ...REPO,
      labels: 'NHI-Audit',
      state: 'all',
    });

    expect(issues.map((issue) => issue.number)).toEqual([audit.number]);
  });

  it('surfaces a refused write as a RequestError with status 403', async () => {
    const octokit = getOctokit(TOKENS.fork, { baseUrl: api.url });
    const write = octokit.rest.issues.createComment({
      ...REPO,
      issue_number: 41,
      body: 'verdict',
    });
    await expect(write).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining(
        'Resource not accessible by integration',
      ),
    });
  });

  it('rejects a body GitHub would reject, with 422', async () => {
    const octokit = getOctokit(TOKENS.actions, { baseUrl: api.url });
    const write = octokit.rest.repos.createCommitStatus({
      ...REPO,
      sha: HEAD,
      state: 'passed' as 'success',
    });
    await expect(write).rejects.toMatchObject({ status: 422 });
    expect(api.state.statuses(HEAD)).toEqual([]);
  });
});

describe('a client in a child process', () => {
  it('reaches the server through GITHUB_API_URL', async () => {
    const api = await startGitHubApi();
    api.state.setFile('owners.yaml', 'teams: {}\n');
    const script = [
      'const { GITHUB_API_URL: api, GITHUB_TOKEN: token } = process.env;',
      'const url = `${api}/repos/acme/identities/contents/owners.yaml`;',
      'const headers = { authorization: `token ${token}`,',
      "  accept: 'application/vnd.github.raw' };",
      'const response = await fetch(url, { headers });',
      'process.stdout.write(await response.text());',
    ].join('\n');

    // Asynchronous on purpose: a synchronous spawn would block the event
    // loop that has to answer the child's request.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', script],
      {
        env: { GITHUB_API_URL: api.url, GITHUB_TOKEN: TOKENS.actions },
      },
    );

    expect(stdout).toBe('teams: {}\n');
    expect(api.requests()).toMatchObject([
      { method: 'GET', operationId: 'repos/get-content', status: 200 },
    ]);
    await api.close();
  });
});
