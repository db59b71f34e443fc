import type { RateBucket } from '../fixtures/rate-limit.js';

const HOUR_SECONDS = 3600;

/** The core rate-limit bucket reported in `x-ratelimit-*` headers. */
export class RateCounter {
  private used = 0;
  private readonly reset: number;

  constructor(
    private readonly limit: number,
    now: number,
  ) {
    this.reset = Math.ceil(now / 1000) + HOUR_SECONDS;
  }

  /** Counts one request against the bucket. */
  count(): void {
    this.used += 1;
  }

  /** The bucket as it stands. */
  bucket(): RateBucket {
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - this.used),
      reset: this.reset,
      used: this.used,
    };
  }

  /** The `x-ratelimit-*` headers for the bucket. */
  headers(): Record<string, string> {
    const bucket = this.bucket();
    return {
      'x-ratelimit-limit': String(bucket.limit),
      'x-ratelimit-remaining': String(bucket.remaining),
      'x-ratelimit-reset': String(bucket.reset),
      'x-ratelimit-used': String(bucket.used),
      'x-ratelimit-resource': 'core',
    };
  }
}
