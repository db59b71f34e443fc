import { issueCommentFixture } from '../fixtures/comment.js';
import { json, notFound } from '../http/responses.js';
import { pagedJson, queryParam, type Route } from './route.js';

const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments';

/** Comments on an issue or pull request conversation, oldest first. */
export const issueCommentRoutes: Route[] = [
  {
    method: 'GET',
    path: COMMENTS,
    handle(context) {
      const comments = context.state.commentsOf(
        Number(context.params.issue_number),
      );
      if (!comments) return notFound(context.docsUrl);
      const since = queryParam(context, 'since');
      const listed = comments
        .filter((c) => !since || Date.parse(c.updatedAt) >= Date.parse(since))
        .map((comment) => issueCommentFixture(context.site, comment));
      return pagedJson(context, listed);
    },
  },
  {
    method: 'POST',
    path: COMMENTS,
    permission: 'issues=write; pull_requests=write',
    handle(context) {
      const number = Number(context.params.issue_number);
      if (!context.state.commentsOf(number)) return notFound(context.docsUrl);
      const comment = context.state.addComment(number, {
        user: context.caller.login,
        body: String(context.body.body),
      });
      return json(issueCommentFixture(context.site, comment), 201);
    },
  },
];
