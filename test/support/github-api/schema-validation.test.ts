import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadGitHubSpec, routeKey } from './openapi/load-spec.js';
import { normalizeSchema } from './openapi/normalize-schema.js';
import { readSpecCache, writeSpecCache } from './openapi/spec-cache.js';
import { SchemaValidator } from './openapi/schema-validator.js';
import { pullRequestFixture } from './fixtures/pull-request.js';
import { reviewFixture } from './fixtures/review.js';
import { userFixture } from './fixtures/user.js';
import type { Site } from './fixtures/site.js';
import { ROUTES } from './routes/route-table.js';
import { GitHubState } from './state/github-state.js';
import { startGitHubApi, TOKENS, type GitHubApi } from './index.js';

const SITE: Site = {
  apiUrl: 'http://127.0.0.1:1',
  webUrl: 'https://github.com',
  owner: 'acme',
  repo: 'identities',
};
const HEAD = 'a'.repeat(40);
const PULL = '/repos/{owner}/{repo}/pulls/{pull_number}';

function loadSpec() {
  return loadGitHubSpec(ROUTES.map((r) => routeKey(r.method, r.path)));
}

function samplePull() {
  const state = new GitHubState(() => new Date('2025-03-01T10:00:00Z'));
  const pr = state.addPullRequest({
    number: 12,
    author: 'alice',
    headSha: HEAD,
    baseSha: 'b'.repeat(40),
    files: ['identities/deploy-bot.yaml'],
    labels: ['nhi'],
  });
  state.addReview(12, { user: 'bob', state: 'APPROVED' });
  return { state, pr };
}

describe('GitHub OpenAPI description', () => {
  it('loads the dereferenced api.github.com description', () => {
    const spec = loadSpec();
    expect(spec.file).toBe(
      '@octokit/openapi/generated/api.github.com.deref.json',
    );
    expect(spec.operations.get(routeKey('GET', `${PULL}/reviews`))).toEqual(
      expect.objectContaining({ operationId: 'pulls/list-reviews' }),
    );
  });

  it('reads back from the cache the extract it wrote', () => {
    const spec = loadSpec();
    const folder = mkdtempSync(join(tmpdir(), 'github-api-cache-'));
    const file = join(folder, 'nested', 'spec.json');
    writeSpecCache(file, spec);
    expect(readSpecCache(file)).toEqual({ ...spec, fromCache: true });
    rmSync(folder, { recursive: true });
  });
});

describe('SchemaValidator', () => {
  let validator: SchemaValidator;
  let spec: ReturnType<typeof loadSpec>;

  beforeAll(() => {
    spec = loadSpec();
    validator = new SchemaValidator(spec);
  });

  const operation = (method: string, path: string) => {
    const found = spec.operations.get(routeKey(method, path));
    if (!found) throw new Error(`no ${method} ${path}`);
    return found;
  };

  it('accepts a pull request built by the factory', () => {
    const { state, pr } = samplePull();
    const body = pullRequestFixture(SITE, pr, [state.labelNamed('nhi')]);
    expect(validator.checkResponse(operation('GET', PULL), 200, body)).toEqual(
      [],
    );
  });

  it('accepts a list of reviews built by the factory', () => {
    const { pr } = samplePull();
    const body = pr.reviews.map((review) => reviewFixture(SITE, 12, review));
    const reviews = operation('GET', `${PULL}/reviews`);
    expect(validator.checkResponse(reviews, 200, body)).toEqual([]);
  });

  it('reports a user without its required login', () => {
    const { pr } = samplePull();
    const review = reviewFixture(SITE, 12, pr.reviews[0]!);
    const user = userFixture(SITE, 'bob');
    delete user.login;
    review.user = user;
    const reviews = operation('GET', `${PULL}/reviews`);
    expect(validator.checkResponse(reviews, 200, [review])).toContainEqual({
      pointer: '/0/user',
      message: "must have required property 'login'",
    });
  });

  it('reports a status the operation does not document', () => {
    const reviews = operation('GET', `${PULL}/reviews`);
    expect(validator.checkResponse(reviews, 201, [])).toEqual([
      {
        pointer: '',
        message: 'status 201 is not documented for this operation',
      },
    ]);
  });

  it('checks an undocumented error status as a Basic Error', () => {
    const reviews = operation('GET', `${PULL}/reviews`);
    const body = { message: 'Bad credentials', documentation_url: 7 };
    expect(validator.checkResponse(reviews, 401, body)).toEqual([
      { pointer: '/documentation_url', message: 'must be string' },
    ]);
  });

  it('checks date-time formats', () => {
    const { pr } = samplePull();
    const review = reviewFixture(SITE, 12, pr.reviews[0]!);
    review.submitted_at = '01/03/2025';
    const reviews = operation('GET', `${PULL}/reviews`);
    expect(validator.checkResponse(reviews, 200, [review])).toEqual([
      { pointer: '/0/submitted_at', message: 'must match format "date-time"' },
    ]);
  });
});

describe('normalizeSchema', () => {
  it('admits null next to a type and in an enum', () => {
    const schema = { type: 'string', enum: ['a'], nullable: true };
    expect(normalizeSchema(schema)).toEqual({
      type: ['string', 'null'],
      enum: ['a', null],
    });
  });

  it('wraps a nullable allOf in anyOf with null', () => {
    const schema = { nullable: true, allOf: [{ type: 'object' }] };
    expect(normalizeSchema(schema)).toEqual({
      anyOf: [{ type: 'null' }, { allOf: [{ type: 'object' }] }],
    });
  });

  it('keeps a property named "nullable" and drops discriminator', () => {
    const schema = {
      type: 'object',
      properties: { nullable: { type: 'boolean' } },
      oneOf: [{ type: 'object' }],
      discriminator: { propertyName: 'kind' },
    };
    expect(normalizeSchema(schema)).toEqual({
      type: 'object',
      properties: { nullable: { type: 'boolean' } },
      oneOf: [{ type: 'object' }],
    });
  });
});

describe('schema violations through the server', () => {
  let api: GitHubApi;

  afterEach(async () => {
    await api.close();
  });

  it('passes every response of a correct exchange', async () => {
    api = await startGitHubApi();
    samplePullInto(api);
    const response = await get(api, '/repos/acme/identities/pulls/12');
    expect(response.status).toBe(200);
    expect(() => api.assertNoSchemaViolations()).not.toThrow();
  });

  it('names operation, path and error of a broken override', async () => {
    api = await startGitHubApi();
    const path = '/repos/acme/identities/pulls/12/reviews';
    const review = { id: 1, body: '', state: 'APPROVED' };
    api.override({ method: 'GET', path, status: 200, body: [review] });
    await get(api, path);
    expect(api.schemaViolations()[0]).toMatchObject({
      operationId: 'pulls/list-reviews',
      path,
      status: 200,
    });
    const message =
      `  pulls/list-reviews: GET ${path} answered 200\n` +
      "    /0 must have required property 'node_id'\n";
    expect(() => api.assertNoSchemaViolations()).toThrow(message);
  });

  it('refuses an override for a route it does not implement', async () => {
    api = await startGitHubApi();
    const override = {
      method: 'GET' as const,
      path: '/repos/acme/identities',
      status: 200,
    };
    expect(() => api.override(override)).toThrow(/no implemented route/);
  });
});

function samplePullInto(api: GitHubApi) {
  api.state.addPullRequest({
    number: 12,
    author: 'alice',
    headSha: HEAD,
    baseSha: 'b'.repeat(40),
  });
}

function get(api: GitHubApi, path: string) {
  return fetch(`${api.url}${path}`, {
    headers: { authorization: `token ${TOKENS.actions}` },
  });
}
