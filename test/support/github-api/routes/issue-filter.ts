import type { IssueRecord, PullRequestRecord } from '../state/records.js';
import { queryParam, type RouteContext } from './route.js';

type Item = IssueRecord | PullRequestRecord;

/**
 * The filter of `GET /repos/{o}/{r}/issues`: `state` (open, closed, all;
 * default open), `labels` (comma-separated, all required, any case),
 * `creator`, `assignee` (a login, `none` or `*`) and `since`.
 */
export function issueFilter(context: RouteContext): (item: Item) => boolean {
  const state = queryParam(context, 'state') ?? 'open';
  const labels = (queryParam(context, 'labels') ?? '')
    .split(',')
    .map((label) => label.trim().toLowerCase())
    .filter(Boolean);
  const creator = queryParam(context, 'creator')?.toLowerCase();
  const assignee = queryParam(context, 'assignee');
  const since = queryParam(context, 'since');

  return (item) => {
    if (state !== 'all' && item.state !== state) return false;
    const own = new Set(item.labels.map((label) => label.toLowerCase()));
    if (!labels.every((label) => own.has(label))) return false;
    if (creator && author(item).toLowerCase() !== creator) return false;
    if (assignee && !assignedTo(item, assignee)) return false;
    return !since || Date.parse(item.updatedAt) >= Date.parse(since);
  };
}

/** `sort` (created, updated, comments) and `direction` (default desc). */
export function issueOrder(
  context: RouteContext,
): (a: Item, b: Item) => number {
  const sort = queryParam(context, 'sort') ?? 'created';
  const sign = queryParam(context, 'direction') === 'asc' ? 1 : -1;
  const key = (item: Item): number => {
    if (sort === 'comments') return item.comments.length;
    if (sort === 'updated') return Date.parse(item.updatedAt);
    return Date.parse(item.createdAt);
  };
  return (a, b) => sign * (key(a) - key(b) || a.number - b.number);
}

function author(item: Item): string {
  return 'headSha' in item ? item.author : item.user;
}

function assignedTo(item: Item, assignee: string): boolean {
  const assignees = 'headSha' in item ? [] : item.assignees;
  if (assignee === 'none') return assignees.length === 0;
  if (assignee === '*') return assignees.length > 0;
  return assignees.some((a) => a.toLowerCase() === assignee.toLowerCase());
}
