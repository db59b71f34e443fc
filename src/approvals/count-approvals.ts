import type { Membership } from './membership.js';

/** One pull request review, as the reviews API lists it. */
export interface Review {
  id: number;
  login: string;
  /** The account type GitHub reports: `User`, `Bot`, ... */
  userType: string;
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING. */
  state: string;
  /** The head commit when the review was submitted. */
  commitId: string | null;
}

/** The pull request facts a review is judged against. */
export interface ReviewedPullRequest {
  author: string;
  headSha: string;
}

/** Why a reviewer's latest decision does not count. */
export type IgnoredBecause = 'author' | 'bot' | 'earlier-commit';

/** Each reviewer's standing after their latest decisive review. */
export interface CountedReviews {
  /** Lower-case logins whose approval counts. */
  approvedBy: string[];
  /** Lower-case logins whose latest decision asks for changes. */
  changesRequestedBy: string[];
  /** Decisions that do not count, and why. */
  ignored: { login: string; because: IgnoredBecause; commitId: string }[];
}

const DECISIVE = ['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'];

/**
 * Takes each reviewer's latest decisive review (approved, changes
 * requested, dismissed: a later comment changes nothing) in the order the
 * API lists them, oldest first. An approval counts only on the current
 * head commit: any new commit can widen what was approved. Reviews by the
 * pull request's author never count; a bot's only when the owners
 * registry declares it (`bot: true`). A request for changes stands
 * whatever commit it was made on, as on GitHub, until it is dismissed or
 * followed by an approval.
 */
export function countApprovals(
  reviews: readonly Review[],
  pr: ReviewedPullRequest,
  membership: Membership,
): CountedReviews {
  const counted: CountedReviews = {
    approvedBy: [],
    changesRequestedBy: [],
    ignored: [],
  };
  const author = pr.author.toLowerCase();
  for (const review of latestDecisions(reviews).values()) {
    const login = review.login.toLowerCase();
    const commitId = review.commitId ?? '';
    if (review.state === 'DISMISSED') continue;
    if (login === author) {
      counted.ignored.push({ login, because: 'author', commitId });
    } else if (isBot(review) && !membership.bots.has(login)) {
      counted.ignored.push({ login, because: 'bot', commitId });
    } else if (review.state === 'CHANGES_REQUESTED') {
      counted.changesRequestedBy.push(login);
    } else if (commitId !== pr.headSha) {
      counted.ignored.push({ login, because: 'earlier-commit', commitId });
    } else {
      counted.approvedBy.push(login);
    }
  }
  return counted;
}

function latestDecisions(reviews: readonly Review[]): Map<string, Review> {
  const latest = new Map<string, Review>();
  for (const review of reviews) {
    if (!DECISIVE.includes(review.state) || review.login === '') continue;
    latest.set(review.login.toLowerCase(), review);
  }
  return latest;
}

function isBot(review: Review): boolean {
  return review.userType === 'Bot' || review.login.endsWith('[bot]');
}
