import { statusFixture } from '../fixtures/status.js';
import { json, validationFailed } from '../http/responses.js';
import type { StatusState } from '../state/records.js';
import { pagedJson, type Route, type RouteContext } from './route.js';

const MAX_DESCRIPTION = 140;

/** Commit statuses: create one, list those of a ref (newest first). */
export const statusRoutes: Route[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/statuses/{sha}',
    permission: 'statuses=write',
    handle(context) {
      const sha = context.params.sha ?? '';
      const refused = checkStatus(context, sha);
      if (refused) return refused;
      const { body } = context;
      const status = context.state.addStatus(sha, {
        state: body.state as StatusState,
        context: typeof body.context === 'string' ? body.context : undefined,
        description: body.description as string | null | undefined,
        targetUrl: body.target_url as string | null | undefined,
        creator: context.caller.login,
      });
      return json(statusFixture(context.site, status), 201);
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}/statuses',
    handle(context) {
      const sha = context.state.resolveRef(context.params.ref ?? '');
      const statuses = context.state
        .statuses(sha)
        .reverse()
        .map((status) => statusFixture(context.site, status));
      return pagedJson(context, statuses);
    },
  },
];

function checkStatus(context: RouteContext, sha: string) {
  if (!context.state.commits.has(sha)) {
    return validationFailed(context.docsUrl, [
      {
        resource: 'Status',
        field: 'sha',
        code: 'custom',
        message: `No commit found for SHA: ${sha}`,
      },
    ]);
  }
  const description = context.body.description;
  if (typeof description === 'string' && description.length > MAX_DESCRIPTION) {
    return validationFailed(context.docsUrl, [
      {
        resource: 'Status',
        field: 'description',
        code: 'custom',
        message:
          'description is too long ' +
          `(maximum is ${MAX_DESCRIPTION} characters)`,
      },
    ]);
  }
  return undefined;
}
