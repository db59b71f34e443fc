import type { TokenGrant } from '../access/tokens.js';
import type { RateBucket } from '../fixtures/rate-limit.js';
import type { JsonObject, Site } from '../fixtures/site.js';
import { paginate } from '../http/pagination.js';
import { json, type RouteResponse } from '../http/responses.js';
import type { HttpMethod } from '../openapi/load-spec.js';
import type { GitHubState } from '../state/github-state.js';

/** What a handler gets for one request. */
export interface RouteContext {
  /** Path parameters, decoded, named as in the OpenAPI template. */
  params: Record<string, string>;
  /** The request URL on the local server, with its query. */
  url: URL;
  /** The `Accept` header, e.g. `application/vnd.github.raw+json`. */
  accept: string;
  /** The parsed JSON body; `{}` for a request without one. */
  body: JsonObject;
  state: GitHubState;
  site: Site;
  /** Who is calling, from the token. */
  caller: TokenGrant;
  /** GitHub's documentation URL of the operation, for error bodies. */
  docsUrl: string;
  rate: () => RateBucket;
}

/** One operation of GitHub's REST API that the server implements. */
export interface Route {
  method: HttpMethod;
  /** GitHub's path template, exactly as in the OpenAPI description. */
  path: string;
  /**
   * The fine-grained permission a write needs, sent in
   * `x-accepted-github-permissions` when a token is refused.
   */
  permission?: string;
  handle(context: RouteContext): RouteResponse;
}

/** A paginated JSON list answer (see `paginate`). */
export function pagedJson(context: RouteContext, items: unknown[]) {
  const page = paginate(items, context.url);
  return json(page.items, 200, page.link ? { link: page.link } : undefined);
}

/** The query parameter `name`, or undefined when absent or empty. */
export function queryParam(
  context: RouteContext,
  name: string,
): string | undefined {
  return context.url.searchParams.get(name) || undefined;
}
