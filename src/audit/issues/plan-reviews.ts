import {
  quarterlyReviewTitle,
  quarterOf,
  readTicks,
  renderQuarterlyReview,
  type QuarterlyReviewInput,
} from '../render-quarterly-review.js';
import type {
  ExistingIssue,
  IssueOperation,
  TeamPlanInput,
} from './plan-issues.js';
import { markerSlug, reviewOfBody } from './review-marker.js';

/** A write on a quarterly review issue, with the quarter it is for. */
export type ReviewOperation = Extract<
  IssueOperation,
  { kind: 'create' | 'close' }
> & { quarter: string };

/** What every team's review is rendered from, besides team and quarter. */
export type ReviewSources = Omit<QuarterlyReviewInput, 'team' | 'quarter'>;

/**
 * The quarterly review writes of a run on `today`: each open review of an
 * earlier quarter is closed with a comment listing the boxes ticked and
 * not ticked; then each team owning an identity with access gets a review
 * for the current quarter, unless an issue (open or closed) already has
 * its marker. A review is never edited once created: its edit history
 * records who ticked each box, and when.
 */
export function planReviews(
  teams: readonly TeamPlanInput[],
  existing: readonly ExistingIssue[],
  today: string,
  sources: ReviewSources,
): ReviewOperation[] {
  const quarter = quarterOf(today);
  const current = markerSlug(quarter);
  const reviews = existing.flatMap((issue) => {
    const marker = reviewOfBody(issue.body);
    return marker ? [{ issue, ...marker }] : [];
  });
  const closes = reviews
    .filter((r) => r.issue.state === 'open' && r.quarter < current)
    .map((r) => closeReview(r.issue, r.team, r.quarter.toUpperCase(), today));
  const opened = new Set(
    reviews.filter((r) => r.quarter === current).map((r) => r.team),
  );
  const creates = teams
    .filter((t) => !opened.has(markerSlug(t.team)))
    .flatMap((t) => createReview(t, quarter, sources));
  return [...closes, ...creates];
}

function createReview(
  t: TeamPlanInput,
  quarter: string,
  sources: ReviewSources,
): ReviewOperation[] {
  const body = renderQuarterlyReview({ ...sources, team: t.team, quarter });
  // A team with no identity with access has nothing to review.
  if (readTicks(body).length === 0) return [];
  const title = quarterlyReviewTitle(t.teamName, quarter);
  const { team, assignees } = t;
  return [{ kind: 'create', team, quarter, title, body, assignees }];
}

function closeReview(
  issue: ExistingIssue,
  team: string,
  quarter: string,
  today: string,
): ReviewOperation {
  const ticks = readTicks(issue.body ?? '');
  const keys = (checked: boolean) => {
    const picked = ticks.filter((t) => t.checked === checked);
    return picked.length === 0
      ? 'none'
      : picked.map((t) => `\`${t.key}\``).join(', ');
  };
  const done = ticks.filter((t) => t.checked).length;
  const comment = [
    `${quarter} ended before ${today}: closing its review with ${done} of ${ticks.length} boxes ticked.`,
    '',
    `- Ticked: ${keys(true)}.`,
    `- Not ticked: ${keys(false)}.`,
    '',
    'Who ticked each box, and when, is in this issue\'s edit history (the "edited" menu on the issue text).',
  ].join('\n');
  const { number } = issue;
  return { kind: 'close', team, quarter, number, comment };
}
