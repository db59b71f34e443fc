import { afterEach, describe, expect, it } from 'vitest';
import { startGitHubApi, TOKENS, type GitHubApi } from './index.js';

const LABELS = '/repos/acme/identities/labels';

describe('write limit', () => {
  let api: GitHubApi;

  afterEach(async () => {
    api.assertNoSchemaViolations();
    await api.close();
  });

  it('refuses writes after N: secondary limit, retry-after', async () => {
    api = await startGitHubApi({
      writeLimit: { after: 3, kind: 'secondary', retryAfterSeconds: 1 },
    });
    const statuses = await createLabels(api, 5);
    expect(statuses).toEqual([201, 201, 201, 403, 403]);

    const refused = await createLabel(api, 'late');
    expect(refused.headers.get('retry-after')).toBe('1');
    const body = (await refused.json()) as { message: string };
    expect(body.message).toMatch(/secondary rate limit/);
    expect(api.state.findLabel('team-3')).toBeUndefined();
  });

  it('keeps serving reads while refusing writes', async () => {
    api = await startGitHubApi({
      writeLimit: { after: 0, kind: 'secondary', retryAfterSeconds: 0 },
    });
    api.state.addLabel({ name: 'nhi-audit' });
    const read = await fetch(`${api.url}${LABELS}/nhi-audit`, auth());
    expect(read.status).toBe(200);
    expect((await createLabel(api, 'x')).status).toBe(403);
  });

  it('signals a primary limit with remaining 0 and a reset time', async () => {
    api = await startGitHubApi({
      writeLimit: { after: 1, kind: 'primary', retryAfterSeconds: 60 },
    });
    await createLabel(api, 'one');
    const before = Math.ceil(Date.now() / 1000);
    const refused = await createLabel(api, 'two');

    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(refused.headers.get('x-ratelimit-reset'));
    expect(reset - before).toBeGreaterThanOrEqual(59);
    expect(reset - before).toBeLessThanOrEqual(61);
    expect(refused.headers.get('retry-after')).toBeNull();
  });

  it('accepts writes again after the wait when asked to lift', async () => {
    api = await startGitHubApi({
      writeLimit: {
        after: 1,
        kind: 'secondary',
        retryAfterSeconds: 1,
        liftAfterWait: true,
      },
    });
    expect(await createLabels(api, 2)).toEqual([201, 403]);
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await createLabel(api, 'after-wait')).status).toBe(201);
    expect((await createLabel(api, 'again')).status).toBe(403);
  });

  it('starts a clean follow-up run once the limit is lifted', async () => {
    api = await startGitHubApi({
      writeLimit: { after: 2, kind: 'secondary', retryAfterSeconds: 0 },
    });
    expect(await createLabels(api, 3)).toEqual([201, 201, 403]);
    api.setWriteLimit(undefined);
    expect((await createLabel(api, 'team-2')).status).toBe(201);
    expect(api.writes().map((w) => w.status)).toEqual([201, 201, 403, 201]);
  });
});

function auth() {
  return { headers: { authorization: `token ${TOKENS.actions}` } };
}

function createLabel(api: GitHubApi, name: string) {
  return fetch(`${api.url}${LABELS}`, {
    method: 'POST',
    ...auth(),
    body: JSON.stringify({ name, color: '0e8a16' }),
  });
}

async function createLabels(api: GitHubApi, count: number) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1) {
    statuses.push((await createLabel(api, `team-${i}`)).status);
  }
  return statuses;
}
