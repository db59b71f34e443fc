import { checkRunRoutes } from './check-runs.js';
import { contentRoutes } from './contents.js';
import { issueCommentRoutes } from './issue-comments.js';
import { issueRoutes } from './issues.js';
import { labelRoutes } from './labels.js';
import { pullRoutes } from './pulls.js';
import { rateLimitRoutes } from './rate-limit.js';
import type { Route } from './route.js';
import { statusRoutes } from './statuses.js';
import { teamRoutes } from './teams.js';

/** Every operation the server implements. */
export const ROUTES: Route[] = [
  ...pullRoutes,
  ...contentRoutes,
  ...teamRoutes,
  ...statusRoutes,
  ...checkRunRoutes,
  ...issueRoutes,
  ...issueCommentRoutes,
  ...labelRoutes,
  ...rateLimitRoutes,
];

export interface RouteMatch<T> {
  route: T;
  params: Record<string, string>;
}

const patterns = new Map<string, RegExp>();

/**
 * The first of `routes` whose method and path template match; parameters
 * are URL-decoded. `{path}` may span slashes or be empty, `{ref}` may hold
 * slashes (a branch name), the others are one segment.
 */
export function matchRoute<T extends { method: string; path: string }>(
  routes: T[],
  method: string,
  pathname: string,
): RouteMatch<T> | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = pattern(route.path).exec(pathname);
    if (match) return { route, params: decode(match.groups ?? {}) };
  }
  return undefined;
}

function pattern(template: string): RegExp {
  let regex = patterns.get(template);
  if (!regex) {
    const source = template
      .split(/(\/\{[^}]+\})/)
      .map((part) => {
        const name = /^\/\{([^}]+)\}$/.exec(part)?.[1];
        if (!name) return escape(part);
        const group = name.replace(/[^A-Za-z0-9_]/g, '_');
        if (name === 'path') return `(?:/(?<${group}>.*))?`;
        if (name === 'ref') return `/(?<${group}>.+?)`;
        return `/(?<${group}>[^/]+)`;
      })
      .join('');
    regex = new RegExp(`^${source}/?$`);
    patterns.set(template, regex);
  }
  return regex;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decode(groups: Record<string, string | undefined>) {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(groups)) {
    try {
      params[name] = decodeURIComponent(value ?? '');
    } catch {
      params[name] = value ?? '';
    }
  }
  return params;
}
