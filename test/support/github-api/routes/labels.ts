import { labelFixture } from '../fixtures/label.js';
import { json, notFound, validationFailed } from '../http/responses.js';
import type { Route } from './route.js';

/** Repository labels: create one, get one by name (any case). */
export const labelRoutes: Route[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/labels',
    permission: 'issues=write; pull_requests=write',
    handle(context) {
      const { body, state } = context;
      const name = String(body.name);
      const color = typeof body.color === 'string' ? body.color : undefined;
      if (state.findLabel(name)) {
        return validationFailed(context.docsUrl, [
          { resource: 'Label', code: 'already_exists', field: 'name' },
        ]);
      }
      if (color !== undefined && !/^[0-9a-fA-F]{6}$/.test(color)) {
        return validationFailed(context.docsUrl, [
          { resource: 'Label', code: 'invalid', field: 'color', value: color },
        ]);
      }
      const label = state.addLabel({
        name,
        color: color?.toLowerCase(),
        description: (body.description as string | undefined) ?? null,
      });
      return json(labelFixture(context.site, label), 201);
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/labels/{name}',
    handle(context) {
      const label = context.state.findLabel(context.params.name ?? '');
      if (!label) return notFound(context.docsUrl);
      return json(labelFixture(context.site, label));
    },
  },
];
