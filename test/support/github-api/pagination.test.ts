import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paginate } from './http/pagination.js';
import { startGitHubApi, TOKENS, type GitHubApi } from './index.js';

const HEAD = 'c'.repeat(40);
const REVIEWS = '/repos/acme/identities/pulls/3/reviews';

describe('paginate', () => {
  const items = Array.from({ length: 35 }, (_, i) => i + 1);
  const url = (query: string) => new URL(`http://127.0.0.1:9/x?${query}`);

  it('gives 30 items and next/last links by default', () => {
    const page = paginate(items, url(''));
    expect(page.items).toHaveLength(30);
    expect(page.link).toBe(
      '<http://127.0.0.1:9/x?page=2>; rel="next", ' +
        '<http://127.0.0.1:9/x?page=2>; rel="last"',
    );
  });

  it('links prev, next, last and first from a middle page', () => {
    const page = paginate(items, url('per_page=10&page=2&state=all'));
    expect(page.items).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    const link = (page: number, rel: string) =>
      `<http://127.0.0.1:9/x?per_page=10&page=${page}&state=all>; rel="${rel}"`;
    expect(page.link).toBe(
      [
        link(1, 'prev'),
        link(3, 'next'),
        link(4, 'last'),
        link(1, 'first'),
      ].join(', '),
    );
  });

  it('links only prev and first from the last page', () => {
    const page = paginate(items, url('per_page=10&page=4'));
    expect(page.items).toEqual([31, 32, 33, 34, 35]);
    expect(page.link).toBe(
      '<http://127.0.0.1:9/x?per_page=10&page=3>; rel="prev", ' +
        '<http://127.0.0.1:9/x?per_page=10&page=1>; rel="first"',
    );
  });

  it('caps per_page at 100 and sends no link for a single page', () => {
    const page = paginate(items, url('per_page=500'));
    expect(page.items).toHaveLength(35);
    expect(page.link).toBeUndefined();
  });

  it('answers an empty page past the end', () => {
    expect(paginate(items, url('page=9')).items).toEqual([]);
  });
});

describe('paginated endpoints', () => {
  let api: GitHubApi;

  beforeEach(async () => {
    api = await startGitHubApi();
    api.state.addPullRequest({
      number: 3,
      author: 'alice',
      headSha: HEAD,
      baseSha: 'd'.repeat(40),
    });
    for (let i = 0; i < 35; i += 1) {
      api.state.addReview(3, { user: `reviewer-${i}`, state: 'COMMENTED' });
    }
    api.state.addReview(3, { user: 'bob', state: 'APPROVED' });
  });

  afterEach(async () => {
    api.assertNoSchemaViolations();
    await api.close();
  });

  it('serves 36 reviews as 30 + 6 with a Link to page 2', async () => {
    const first = await get(api, `${REVIEWS}`);
    const firstBody = (await first.json()) as Array<{
      user: { login: string };
    }>;
    expect(firstBody).toHaveLength(30);
    expect(first.headers.get('link')).toBe(
      `<${api.url}${REVIEWS}?page=2>; rel="next", ` +
        `<${api.url}${REVIEWS}?page=2>; rel="last"`,
    );

    const second = await get(api, `${REVIEWS}?page=2`);
    const secondBody = (await second.json()) as typeof firstBody;
    expect(secondBody.map((r) => r.user.login).at(-1)).toBe('bob');
    expect(secondBody).toHaveLength(6);
  });

  it('honours per_page in the Link of the check runs list', async () => {
    for (let i = 0; i < 12; i += 1) {
      await post(api, '/repos/acme/identities/check-runs', {
        name: `check-${i}`,
        head_sha: HEAD,
      });
    }
    const path = `/repos/acme/identities/commits/${HEAD}/check-runs`;
    const response = await get(api, `${path}?per_page=5&page=3`);
    const body = (await response.json()) as {
      total_count: number;
      check_runs: Array<{ name: string }>;
    };
    expect(body.total_count).toBe(12);
    expect(body.check_runs.map((run) => run.name)).toEqual([
      'check-1',
      'check-0',
    ]);
    expect(response.headers.get('link')).toBe(
      `<${api.url}${path}?per_page=5&page=2>; rel="prev", ` +
        `<${api.url}${path}?per_page=5&page=1>; rel="first"`,
    );
  });
});

function get(api: GitHubApi, path: string) {
  return fetch(`${api.url}${path}`, {
    headers: { authorization: `token ${TOKENS.actions}` },
  });
}

function post(api: GitHubApi, path: string, body: unknown) {
  return fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { authorization: `token ${TOKENS.actions}` },
    body: JSON.stringify(body),
  });
}
