import { issueFixture, pullRequestIssueFixture } from '../fixtures/issue.js';
import type { JsonObject } from '../fixtures/site.js';
import { json, notFound } from '../http/responses.js';
import type { IssueRecord, PullRequestRecord } from '../state/records.js';
import { issueFilter, issueOrder } from './issue-filter.js';
import { pagedJson, type Route, type RouteContext } from './route.js';

const ISSUES = '/repos/{owner}/{repo}/issues';

/** Issues: list (pull requests included, as on GitHub), create, update. */
export const issueRoutes: Route[] = [
  {
    method: 'GET',
    path: ISSUES,
    handle(context) {
      const { state } = context;
      const items = [...state.issueMap.values(), ...state.pulls.values()]
        .filter(issueFilter(context))
        .sort(issueOrder(context))
        .map((item) => render(context, item));
      return pagedJson(context, items);
    },
  },
  {
    method: 'POST',
    path: ISSUES,
    permission: 'issues=write',
    handle(context) {
      const { body, state } = context;
      const issue = state.addIssue({
        title: String(body.title),
        body: (body.body as string | null | undefined) ?? null,
        user: context.caller.login,
        labels: labelNames(body.labels),
        assignees: assigneesOf(body),
      });
      return json(render(context, issue), 201);
    },
  },
  {
    method: 'PATCH',
    path: `${ISSUES}/{issue_number}`,
    permission: 'issues=write',
    handle(context) {
      const number = Number(context.params.issue_number);
      const item =
        context.state.issueMap.get(number) ?? context.state.pulls.get(number);
      if (!item) return notFound(context.docsUrl);
      applyEdit(context, item);
      return json(render(context, item));
    },
  },
];

function render(
  context: RouteContext,
  item: IssueRecord | PullRequestRecord,
): JsonObject {
  const labels = item.labels.map((name) => context.state.labelNamed(name));
  return isPull(item)
    ? pullRequestIssueFixture(context.site, item, labels)
    : issueFixture(context.site, item, labels);
}

/** Applies a PATCH body: title, body, state, labels, assignees. */
function applyEdit(
  context: RouteContext,
  item: IssueRecord | PullRequestRecord,
): void {
  const { body, state } = context;
  if (typeof body.title === 'string') item.title = body.title;
  if (body.body !== undefined) item.body = body.body as string | null;
  if (Array.isArray(body.labels)) {
    item.labels = labelNames(body.labels).map((n) => state.labelNamed(n).name);
  }
  if (!isPull(item)) {
    if (Array.isArray(body.assignees) || body.assignee !== undefined) {
      item.assignees = assigneesOf(body);
    }
    if (body.state === 'open' || body.state === 'closed') {
      changeState(context, item, body.state);
    }
  } else if (body.state === 'open' || body.state === 'closed') {
    item.state = body.state;
  }
  item.updatedAt = state.timestamp();
}

function changeState(
  context: RouteContext,
  issue: IssueRecord,
  next: 'open' | 'closed',
): void {
  if (issue.state === next) return;
  const reason = context.body.state_reason as IssueRecord['stateReason'];
  issue.state = next;
  if (next === 'closed') {
    issue.closedAt = context.state.timestamp();
    issue.closedBy = context.caller.login;
    issue.stateReason = reason ?? 'completed';
  } else {
    issue.closedAt = null;
    issue.closedBy = null;
    issue.stateReason = 'reopened';
  }
}

/** Label names from strings or `{ name }` objects, as GitHub accepts. */
function labelNames(labels: unknown): string[] {
  if (!Array.isArray(labels)) return [];
  return labels
    .map((label) =>
      typeof label === 'string' ? label : (label as { name?: string }).name,
    )
    .filter((name): name is string => typeof name === 'string');
}

function assigneesOf(body: JsonObject): string[] {
  if (Array.isArray(body.assignees)) return body.assignees.map(String);
  return typeof body.assignee === 'string' ? [body.assignee] : [];
}

function isPull(
  item: IssueRecord | PullRequestRecord,
): item is PullRequestRecord {
  return 'headSha' in item;
}
