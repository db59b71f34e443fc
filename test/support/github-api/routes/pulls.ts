import { diffEntryFixture } from '../fixtures/diff-entry.js';
import { pullRequestFixture } from '../fixtures/pull-request.js';
import { reviewFixture } from '../fixtures/review.js';
import { json, notFound } from '../http/responses.js';
import type { PullRequestRecord } from '../state/records.js';
import {
  pagedJson,
  queryParam,
  type Route,
  type RouteContext,
} from './route.js';

const PULL = '/repos/{owner}/{repo}/pulls/{pull_number}';

/** Pull requests: the list, the PR, its reviews and its changed files. */
export const pullRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls',
    handle(context) {
      // Newest first, as GitHub sorts by default; `head` is not filtered.
      const state = queryParam(context, 'state') ?? 'open';
      const pulls = [...context.state.pulls.values()]
        .filter((pr) => state === 'all' || pr.state === state)
        .sort((a, b) => b.number - a.number)
        .map((pr) => {
          const labels = pr.labels.map((n) => context.state.labelNamed(n));
          return pullRequestFixture(context.site, pr, labels);
        });
      return pagedJson(context, pulls);
    },
  },
  {
    method: 'GET',
    path: PULL,
    handle(context) {
      const pr = findPull(context);
      if (!pr) return notFound(context.docsUrl);
      const labels = pr.labels.map((name) => context.state.labelNamed(name));
      return json(pullRequestFixture(context.site, pr, labels));
    },
  },
  {
    method: 'GET',
    path: `${PULL}/reviews`,
    handle(context) {
      const pr = findPull(context);
      if (!pr) return notFound(context.docsUrl);
      const reviews = pr.reviews.map((review) =>
        reviewFixture(context.site, pr.number, review),
      );
      return pagedJson(context, reviews);
    },
  },
  {
    method: 'GET',
    path: `${PULL}/files`,
    handle(context) {
      const pr = findPull(context);
      if (!pr) return notFound(context.docsUrl);
      const files = pr.files.map((file) =>
        diffEntryFixture(context.site, pr.headSha, file),
      );
      return pagedJson(context, files);
    },
  },
];

function findPull(context: RouteContext): PullRequestRecord | undefined {
  return context.state.pulls.get(Number(context.params.pull_number));
}
