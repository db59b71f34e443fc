import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/action/api-error.js';

describe('ApiError', () => {
  it('names the token for a 401', () => {
    const error = new ApiError(
      { kind: 'reviews', number: 7 },
      401,
      'Bad credentials',
    );
    expect(error.describe()).toBe(
      'reading the reviews of pull request #7 failed (401 Bad credentials): the token was refused; check the input "token" (empty, expired or revoked)',
    );
  });

  it.each([403, 404])('names the permission for a %i', (status) => {
    const error = new ApiError(
      { kind: 'open-pull-requests' },
      status,
      'Not Found',
    );
    expect(error.describe()).toBe(
      `listing the open pull requests failed (${status} Not Found): give the job "permissions: pull-requests: read" in the workflow file`,
    );
  });

  it('says what to do about any other refusal', () => {
    const error = new ApiError(
      { kind: 'status', sha: 'f'.repeat(40) },
      422,
      'Validation Failed',
    );
    expect(error.describe()).toBe(
      'writing the commit status on fffffff failed (422 Validation Failed): GitHub refused the request; run the workflow again, and report it if it persists',
    );
  });
});
