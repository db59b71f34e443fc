export {
  startGitHubApi,
  type GitHubApi,
  type GitHubApiOptions,
} from './start-github-api.js';
export {
  TOKENS,
  defaultTokenGrants,
  type TokenGrant,
} from './access/tokens.js';
export type { WriteLimit } from './access/write-limit.js';
export type { Override } from './dispatch.js';
export type {
  LoggedRequest,
  SchemaViolation,
  UnknownRoute,
} from './request-log.js';
export type {
  CheckRunInput,
  CommentInput,
  FileChangeInput,
  GitHubState,
  IssueInput,
  LabelInput,
  PullRequestInput,
  ReviewInput,
  StatusInput,
} from './state/github-state.js';
export type * from './state/records.js';
export { loadGitHubSpec, routeKey } from './openapi/load-spec.js';
export { SchemaValidator } from './openapi/schema-validator.js';
export { checkRunFixture } from './fixtures/check-run.js';
export {
  contentDirectoryFixture,
  contentFileFixture,
} from './fixtures/content.js';
export { diffEntryFixture } from './fixtures/diff-entry.js';
export { issueCommentFixture } from './fixtures/comment.js';
export { issueFixture, pullRequestIssueFixture } from './fixtures/issue.js';
export { labelFixture } from './fixtures/label.js';
export { pullRequestFixture } from './fixtures/pull-request.js';
export { rateLimitFixture } from './fixtures/rate-limit.js';
export { repositoryFixture } from './fixtures/repository.js';
export { reviewFixture } from './fixtures/review.js';
export type { Site } from './fixtures/site.js';
export { statusFixture } from './fixtures/status.js';
export { teamMembershipFixture } from './fixtures/team-membership.js';
export { userFixture } from './fixtures/user.js';
