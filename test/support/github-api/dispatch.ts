import { randomUUID } from 'node:crypto';
import { tokenOf, type TokenGrant } from './access/tokens.js';
import type { RateCounter } from './access/rate-counter.js';
import type { WriteLimiter } from './access/write-limit.js';
import type { JsonObject, Site } from './fixtures/site.js';
import {
  errorResponse,
  notFound,
  type RouteResponse,
} from './http/responses.js';
import type { GitHubSpec, OperationSpec } from './openapi/load-spec.js';
import type {
  SchemaProblem,
  SchemaValidator,
} from './openapi/schema-validator.js';
import type {
  LoggedRequest,
  SchemaViolation,
  UnknownRoute,
} from './request-log.js';
import type { Route } from './routes/route.js';
import { matchRoute } from './routes/route-table.js';
import type { GitHubState } from './state/github-state.js';

/** A route with the GitHub operation it implements. */
export type BoundRoute = Route & { operation: OperationSpec };

/** A canned answer for one concrete path, ahead of the route handler. */
export interface Override {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Concrete path without query, e.g. `/repos/acme/ids/pulls/7`. */
  path: string;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many requests it answers; default: all. */
  times?: number;
}

/** One request as received. */
export interface Call {
  method: string;
  url: URL;
  authorization: string | undefined;
  accept: string;
  rawBody: string;
}

/** What to send back. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  payload: string | undefined;
}

export interface DispatchDeps {
  spec: GitHubSpec;
  validator: SchemaValidator;
  routes: BoundRoute[];
  state: GitHubState;
  site: Site;
  tokens: Map<string, TokenGrant>;
  limiter: WriteLimiter;
  rate: RateCounter;
}

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const DOCS = 'https://docs.github.com/rest';

/**
 * Answers requests the way GitHub would, in GitHub's order: the route, the
 * credentials, an override, the token's write permission, the write
 * limit, the request body, then the handler. Every JSON answer is checked
 * against GitHub's description, and every request is logged.
 */
export class Dispatcher {
  readonly log: LoggedRequest[] = [];
  readonly violations: SchemaViolation[] = [];
  readonly unknown: UnknownRoute[] = [];
  readonly overrides: Override[] = [];

  constructor(private readonly deps: DispatchDeps) {}

  /** The reply to `call`, after logging and checking it. */
  dispatch(call: Call): Reply {
    const token = tokenOf(call.authorization);
    const parsed = parseBody(call.rawBody);
    const match = matchRoute(this.deps.routes, call.method, call.url.pathname);
    const operation = match?.route.operation;

    let answer: RouteResponse;
    if (parsed === INVALID) {
      answer = errorResponse(400, 'Problems parsing JSON', DOCS);
    } else if (!match) {
      answer = this.unknownRoute(call);
    } else {
      const body = (parsed ?? {}) as JsonObject;
      answer = this.answer(call, match.route, match.params, token, body);
    }

    this.check(call, operation, answer);
    this.record(call, token, parsed, operation, answer.status);
    return this.reply(call, answer);
  }

  private record(
    call: Call,
    token: string | undefined,
    parsed: unknown,
    operation: OperationSpec | undefined,
    status: number,
  ): void {
    this.log.push({
      method: call.method,
      path: call.url.pathname,
      query: Object.fromEntries(call.url.searchParams),
      body: parsed === INVALID ? call.rawBody : parsed,
      token,
      operationId: operation?.operationId,
      status,
      write: WRITE_METHODS.has(call.method),
      at: Date.now(),
    });
  }

  private answer(
    call: Call,
    route: BoundRoute,
    params: Record<string, string>,
    token: string | undefined,
    body: JsonObject,
  ): RouteResponse {
    const docsUrl = route.operation.docsUrl;
    if (!this.isOurRepository(params)) return notFound(docsUrl);

    const grant = token === undefined ? undefined : this.deps.tokens.get(token);
    if (!grant) {
      const message = token ? 'Bad credentials' : 'Requires authentication';
      return errorResponse(401, message, DOCS);
    }

    const override = this.takeOverride(call);
    if (override) return override;

    if (WRITE_METHODS.has(call.method)) {
      const refused = this.refuseWrite(route, grant, body);
      if (refused) return refused;
    }

    return route.handle({
      params,
      url: call.url,
      accept: call.accept,
      body,
      state: this.deps.state,
      site: this.deps.site,
      caller: grant,
      docsUrl,
      rate: () => this.deps.rate.bucket(),
    });
  }

  private refuseWrite(
    route: BoundRoute,
    grant: TokenGrant,
    body: JsonObject,
  ): RouteResponse | undefined {
    const docsUrl = route.operation.docsUrl;
    if (!grant.writes) {
      const headers = route.permission
        ? { 'x-accepted-github-permissions': route.permission }
        : undefined;
      const message = 'Resource not accessible by integration';
      return errorResponse(403, message, docsUrl, headers);
    }

    const refusal = this.deps.limiter.admit();
    if (refusal) {
      const { status, message, headers } = refusal;
      return errorResponse(status, message, refusal.docsUrl, headers);
    }

    const problems = this.deps.validator.checkRequest(route.operation, body);
    if (problems.length > 0) {
      return errorResponse(422, invalidRequest(problems), docsUrl);
    }
    return undefined;
  }

  private unknownRoute(call: Call): RouteResponse {
    const known = matchRoute(
      this.deps.spec.catalog,
      call.method,
      call.url.pathname,
    );
    this.unknown.push({
      method: call.method,
      path: call.url.pathname,
      githubOperation: known?.route.operationId,
    });
    return notFound(DOCS);
  }

  private isOurRepository(params: Record<string, string>): boolean {
    const { owner, repo } = params;
    const { site } = this.deps;
    if (owner === undefined || repo === undefined) return true;
    return (
      owner.toLowerCase() === site.owner.toLowerCase() &&
      repo.toLowerCase() === site.repo.toLowerCase()
    );
  }

  private takeOverride(call: Call): RouteResponse | undefined {
    const index = this.overrides.findIndex(
      (o) => o.method === call.method && o.path === call.url.pathname,
    );
    const override = this.overrides[index];
    if (!override) return undefined;
    if (override.times !== undefined) {
      override.times -= 1;
      if (override.times <= 0) this.overrides.splice(index, 1);
    }
    const { status, body, headers } = override;
    return { status, body, ...(headers ? { headers } : {}) };
  }

  private check(
    call: Call,
    operation: OperationSpec | undefined,
    answer: RouteResponse,
  ): void {
    if (answer.body === undefined) return;
    const { validator } = this.deps;
    const problems = operation
      ? validator.checkResponse(operation, answer.status, answer.body)
      : validator.checkError(answer.body);
    if (problems.length === 0) return;
    this.violations.push({
      operationId: operation?.operationId ?? '(unknown route)',
      method: call.method,
      path: call.url.pathname,
      status: answer.status,
      problems,
    });
  }

  private reply(call: Call, answer: RouteResponse): Reply {
    if (call.url.pathname !== '/rate_limit') this.deps.rate.count();
    const headers: Record<string, string> = {
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': randomUUID().toUpperCase(),
      ...this.deps.rate.headers(),
      ...answer.headers,
    };
    if (answer.text !== undefined) {
      headers['content-type'] = 'text/plain; charset=utf-8';
      return { status: answer.status, headers, payload: answer.text };
    }
    if (answer.body === undefined) {
      return { status: answer.status, headers, payload: undefined };
    }
    headers['content-type'] = 'application/json; charset=utf-8';
    const payload = JSON.stringify(answer.body);
    return { status: answer.status, headers, payload };
  }
}

const INVALID = Symbol('invalid JSON');

function parseBody(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return INVALID;
  }
}

/** GitHub's wording for a body that breaks the operation's schema. */
function invalidRequest(problems: SchemaProblem[]): string {
  const lines = problems.map(
    (p) => `For '${p.pointer || '(body)'}', ${p.message}.`,
  );
  return `Invalid request.\n\n${lines.join('\n')}`;
}
