/** When and how the fake API starts refusing writes. */
export interface WriteLimit {
  /** Writes accepted before the first refusal. */
  after: number;
  /**
   * `secondary`: 403 with a "secondary rate limit" message and
   * `retry-after`; `primary`: 403 with `x-ratelimit-remaining: 0` and
   * `x-ratelimit-reset`.
   */
  kind: 'secondary' | 'primary';
  /** Seconds in `retry-after`, or until `x-ratelimit-reset`. */
  retryAfterSeconds: number;
  /**
   * When true, writes are accepted again once the wait has passed (and
   * `after` more are allowed); when false (default), every later write is
   * refused until the limit is changed.
   */
  liftAfterWait?: boolean;
}

/** A refusal to send instead of the route's answer. */
export interface Refusal {
  status: 403;
  message: string;
  docsUrl: string;
  headers: Record<string, string>;
}

const DOCS =
  'https://docs.github.com/rest/using-the-rest-api/' +
  'rate-limits-for-the-rest-api';

/** Counts accepted writes and decides when to refuse the next one. */
export class WriteLimiter {
  private limit: WriteLimit | undefined;
  private accepted = 0;
  private refusingSince: number | undefined;

  constructor(private readonly now: () => number) {}

  /** Replaces the limit (undefined: no limit) and resets the count. */
  set(limit: WriteLimit | undefined): void {
    this.limit = limit;
    this.accepted = 0;
    this.refusingSince = undefined;
  }

  /**
   * Called for each write: undefined when accepted (and counted), else
   * the refusal to answer with.
   */
  admit(): Refusal | undefined {
    const limit = this.limit;
    if (!limit) return undefined;
    if (this.refusingSince !== undefined && limit.liftAfterWait) {
      const waited = this.now() - this.refusingSince;
      if (waited >= limit.retryAfterSeconds * 1000) {
        this.accepted = 0;
        this.refusingSince = undefined;
      }
    }
    if (this.accepted < limit.after) {
      this.accepted += 1;
      return undefined;
    }
    this.refusingSince ??= this.now();
    return refusal(limit, this.refusingSince);
  }
}

function refusal(limit: WriteLimit, since: number): Refusal {
  if (limit.kind === 'secondary') {
    return {
      status: 403,
      message:
        'You have exceeded a secondary rate limit. Please wait a few ' +
        'minutes before you try again. If you reach out to GitHub Support ' +
        'for help, please include the request ID 0000:0000:0000:0000.',
      docsUrl: `${DOCS}#about-secondary-rate-limits`,
      headers: { 'retry-after': String(limit.retryAfterSeconds) },
    };
  }
  const reset = Math.ceil(since / 1000) + limit.retryAfterSeconds;
  return {
    status: 403,
    message: 'API rate limit exceeded for installation ID 4242.',
    docsUrl: `${DOCS}#about-primary-rate-limits`,
    headers: {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(reset),
    },
  };
}
