import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { RateCounter } from './access/rate-counter.js';
import { defaultTokenGrants, type TokenGrant } from './access/tokens.js';
import { WriteLimiter, type WriteLimit } from './access/write-limit.js';
import {
  Dispatcher,
  type BoundRoute,
  type Call,
  type Override,
} from './dispatch.js';
import type { Site } from './fixtures/site.js';
import {
  loadGitHubSpec,
  routeKey,
  type GitHubSpec,
} from './openapi/load-spec.js';
import { SchemaValidator } from './openapi/schema-validator.js';
import {
  describeUnknownRoutes,
  describeViolations,
  type LoggedRequest,
  type SchemaViolation,
  type UnknownRoute,
} from './request-log.js';
import { matchRoute, ROUTES } from './routes/route-table.js';
import { GitHubState } from './state/github-state.js';

export interface GitHubApiOptions {
  /** Owner of the one repository served; default `acme`. */
  owner?: string;
  /** Name of the repository; default `identities`. */
  repo?: string;
  /** Accepted tokens and their grants; default `defaultTokenGrants()`. */
  tokens?: Record<string, TokenGrant>;
  /** Refuse writes after a number of them; default: never. */
  writeLimit?: WriteLimit;
  /** Clock for `created_at` and the like; default: the real clock. */
  clock?: () => Date;
  /** Core rate limit reported in `x-ratelimit-*`; default 5000. */
  rateLimit?: number;
}

/** A running fake of GitHub's REST API on 127.0.0.1. */
export interface GitHubApi {
  /** Base URL for GITHUB_API_URL / Octokit's `baseUrl`, no trailing `/`. */
  readonly url: string;
  readonly owner: string;
  readonly repo: string;
  /** The data served; arrange it before the client runs. */
  readonly state: GitHubState;
  /** Which OpenAPI file was loaded, its size and load time. */
  readonly spec: Pick<
    GitHubSpec,
    'file' | 'version' | 'megabytes' | 'milliseconds' | 'fromCache'
  >;
  /** Every request so far, oldest first. */
  requests(): LoggedRequest[];
  /** The POST/PATCH/PUT/DELETE requests so far, refused ones included. */
  writes(): LoggedRequest[];
  /** Responses that did not match GitHub's description. */
  schemaViolations(): SchemaViolation[];
  /** Throws, listing each violation, if any response did not match. */
  assertNoSchemaViolations(): void;
  /** Requests to routes the server does not implement. */
  unknownRoutes(): UnknownRoute[];
  /** Throws, listing each, if any request hit an unknown route. */
  assertNoUnknownRoutes(): void;
  /** Replaces the write limit (undefined lifts it) and resets its count. */
  setWriteLimit(limit: WriteLimit | undefined): void;
  /** Adds or replaces the grant of `token`. */
  setToken(token: string, grant: TokenGrant): void;
  /**
   * Answers `path` with a canned reply, after authentication. The path
   * must belong to an implemented route; the body is schema-checked.
   */
  override(override: Override): void;
  /** Forgets logged requests, violations and unknown routes. */
  clearLog(): void;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/**
 * Starts the fake GitHub API on 127.0.0.1 with a free port. Loads GitHub's
 * OpenAPI description on first use in the process (about a second).
 */
export async function startGitHubApi(
  options: GitHubApiOptions = {},
): Promise<GitHubApi> {
  const spec = loadGitHubSpec(ROUTES.map((r) => routeKey(r.method, r.path)));
  const server = createServer();
  await listen(server);
  const { port } = server.address() as AddressInfo;
  return new LocalGitHubApi(server, `http://127.0.0.1:${port}`, spec, options);
}

const validators = new WeakMap<GitHubSpec, SchemaValidator>();

class LocalGitHubApi implements GitHubApi {
  readonly owner: string;
  readonly repo: string;
  readonly state: GitHubState;
  readonly spec: GitHubApi['spec'];
  private readonly tokens: Map<string, TokenGrant>;
  private readonly limiter = new WriteLimiter(() => Date.now());
  private readonly dispatcher: Dispatcher;

  constructor(
    private readonly server: Server,
    readonly url: string,
    spec: GitHubSpec,
    options: GitHubApiOptions,
  ) {
    this.owner = options.owner ?? 'acme';
    this.repo = options.repo ?? 'identities';
    this.state = new GitHubState(options.clock ?? (() => new Date()));
    this.spec = {
      file: spec.file,
      version: spec.version,
      megabytes: spec.megabytes,
      milliseconds: spec.milliseconds,
      fromCache: spec.fromCache,
    };
    this.tokens = new Map(
      Object.entries(options.tokens ?? defaultTokenGrants()),
    );
    this.limiter.set(options.writeLimit);
    this.dispatcher = new Dispatcher({
      spec,
      validator: validatorFor(spec),
      routes: bindRoutes(spec),
      state: this.state,
      site: this.site(),
      tokens: this.tokens,
      limiter: this.limiter,
      rate: new RateCounter(options.rateLimit ?? 5000, Date.now()),
    });
    server.on('request', (request, response) => {
      void this.serve(request, response);
    });
  }

  requests(): LoggedRequest[] {
    return [...this.dispatcher.log];
  }

  writes(): LoggedRequest[] {
    return this.dispatcher.log.filter((entry) => entry.write);
  }

  schemaViolations(): SchemaViolation[] {
    return [...this.dispatcher.violations];
  }

  assertNoSchemaViolations(): void {
    const violations = this.dispatcher.violations;
    if (violations.length > 0) throw new Error(describeViolations(violations));
  }

  unknownRoutes(): UnknownRoute[] {
    return [...this.dispatcher.unknown];
  }

  assertNoUnknownRoutes(): void {
    const unknown = this.dispatcher.unknown;
    if (unknown.length > 0) throw new Error(describeUnknownRoutes(unknown));
  }

  setWriteLimit(limit: WriteLimit | undefined): void {
    this.limiter.set(limit);
  }

  setToken(token: string, grant: TokenGrant): void {
    this.tokens.set(token, grant);
  }

  override(override: Override): void {
    if (!matchRoute(ROUTES, override.method, override.path)) {
      throw new Error(
        `override ${override.method} ${override.path}: no implemented ` +
          'route matches it, so its body could not be checked',
      );
    }
    this.dispatcher.overrides.push({ ...override });
  }

  clearLog(): void {
    this.dispatcher.log.length = 0;
    this.dispatcher.violations.length = 0;
    this.dispatcher.unknown.length = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
    });
  }

  private site(): Site {
    return {
      apiUrl: this.url,
      webUrl: 'https://github.com',
      owner: this.owner,
      repo: this.repo,
    };
  }

  private async serve(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    try {
      const reply = this.dispatcher.dispatch(await readCall(request, this.url));
      response.writeHead(reply.status, reply.headers);
      response.end(reply.payload);
    } catch (error) {
      // A bug in the fake itself: answer 500 so the client fails loudly.
      const message = error instanceof Error ? error.stack : String(error);
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`test GitHub API failed: ${message}`);
    }
  }
}

function validatorFor(spec: GitHubSpec): SchemaValidator {
  let validator = validators.get(spec);
  if (!validator) {
    validator = new SchemaValidator(spec);
    validators.set(spec, validator);
  }
  return validator;
}

function bindRoutes(spec: GitHubSpec): BoundRoute[] {
  return ROUTES.map((route) => {
    const operation = spec.operations.get(routeKey(route.method, route.path));
    if (!operation) throw new Error(`no operation for ${route.path}`);
    return { ...route, operation };
  });
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

async function readCall(request: IncomingMessage, base: string): Promise<Call> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body over 10 MB');
    chunks.push(chunk as Buffer);
  }
  return {
    method: (request.method ?? 'GET').toUpperCase(),
    url: new URL(request.url ?? '/', base),
    authorization: request.headers.authorization,
    accept: request.headers.accept ?? '',
    rawBody: Buffer.concat(chunks).toString('utf8'),
  };
}
