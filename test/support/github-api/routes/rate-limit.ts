import { rateLimitFixture } from '../fixtures/rate-limit.js';
import { json } from '../http/responses.js';
import type { Route } from './route.js';

/** `GET /rate_limit`: the core bucket as counted by the server. */
export const rateLimitRoutes: Route[] = [
  {
    method: 'GET',
    path: '/rate_limit',
    handle: (context) => json(rateLimitFixture(context.rate())),
  },
];
