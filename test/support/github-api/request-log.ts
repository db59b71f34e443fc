import type { SchemaProblem } from './openapi/schema-validator.js';

/** One request the server answered. */
export interface LoggedRequest {
  method: string;
  /** Path without the query, as sent (still URL-encoded). */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
  /** The token of the `Authorization` header, if any. */
  token: string | undefined;
  /** GitHub's operation id, e.g. `pulls/list-reviews`; unset if unknown. */
  operationId: string | undefined;
  status: number;
  /** True for POST, PATCH, PUT and DELETE. */
  write: boolean;
  /** When the request arrived (epoch milliseconds, real clock). */
  at: number;
}

/** A response body that does not match GitHub's description. */
export interface SchemaViolation {
  operationId: string;
  method: string;
  path: string;
  status: number;
  problems: SchemaProblem[];
}

/** A request for a route the server does not implement. */
export interface UnknownRoute {
  method: string;
  path: string;
  /** The GitHub operation it would be, if GitHub documents one. */
  githubOperation: string | undefined;
}

const SHOWN_PROBLEMS = 8;

/** The message `assertNoSchemaViolations` throws. */
export function describeViolations(violations: SchemaViolation[]): string {
  const lines = violations.map((violation) => {
    const problems = violation.problems
      .slice(0, SHOWN_PROBLEMS)
      .map((p) => `    ${p.pointer || '(body)'} ${p.message}`);
    const more = violation.problems.length - SHOWN_PROBLEMS;
    if (more > 0) problems.push(`    ... and ${more} more`);
    const head =
      `  ${violation.operationId}: ${violation.method} ${violation.path}` +
      ` answered ${violation.status}`;
    return [head, ...problems].join('\n');
  });
  return (
    `${violations.length} response(s) of the fake GitHub API do not match ` +
    `GitHub's OpenAPI description; fix the fixture or override:\n` +
    lines.join('\n')
  );
}

/** The message `assertNoUnknownRoutes` throws. */
export function describeUnknownRoutes(routes: UnknownRoute[]): string {
  const lines = routes.map((route) => {
    const hint = route.githubOperation
      ? `GitHub's ${route.githubOperation}, not implemented by the test server`
      : 'not a GitHub REST API route';
    return `  ${route.method} ${route.path}: ${hint}`;
  });
  return `${routes.length} request(s) to unknown routes:\n${lines.join('\n')}`;
}
