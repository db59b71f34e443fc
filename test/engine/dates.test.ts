import { describe, expect, it } from 'vitest';
import { IDENTITY, briefs, check, fixture } from '../helpers/inventory.js';

const CLEAN = fixture('identities/clean-service-account.yaml');

/** The clean fixture with its credential's lines replaced. */
function withCredential(lines: string[]): string {
  const head = CLEAN.slice(0, CLEAN.indexOf('    lastRotated:'));
  return head + lines.map((l) => `    ${l}\n`).join('');
}

describe('rotation due (NHI-141), interval read from the identity', () => {
  const rotated = (date: string, interval = 90) =>
    withCredential([
      `lastRotated: ${date}`,
      `rotation: { intervalDays: ${interval} }`,
    ]);

  it('passes the day before the interval is reached', () => {
    expect(check({ [IDENTITY]: rotated('2026-09-03') }).findings).toEqual([]);
  });

  it('fails on the day the interval is reached, saying when it was due', () => {
    expect(briefs(check({ [IDENTITY]: rotated('2026-09-02') }))).toEqual([
      {
        rule: 'NHI-141',
        at: `${IDENTITY}:15:5`,
        message:
          'credentials[0].lastRotated "2026-09-02" is 90 days ago; the limit is 90 days, reached on 2026-12-01',
      },
    ]);
  });

  it('G6: 2024-03-02 with a 30-day interval is overdue on 2024-04-01', () => {
    const report = check(
      { [IDENTITY]: rotated('2024-03-02', 30) },
      '2024-04-01',
    );
    expect(briefs(report).filter((b) => b.rule === 'NHI-141')).toEqual([
      {
        rule: 'NHI-141',
        at: `${IDENTITY}:15:5`,
        message:
          'credentials[0].lastRotated "2024-03-02" is 30 days ago; the limit is 30 days, reached on 2024-04-01',
      },
    ]);
  });

  it('counts from created when the credential was never rotated', () => {
    const text = withCredential([
      'created: 2026-11-01',
      'rotation: { intervalDays: 30 }',
    ]);
    expect(briefs(check({ [IDENTITY]: text }))).toEqual([
      {
        rule: 'NHI-141',
        at: `${IDENTITY}:15:5`,
        message:
          'credentials[0].created "2026-11-01" is 30 days ago; the limit is 30 days, reached on 2026-12-01',
      },
    ]);
  });

  it('counts whole days across a leap day', () => {
    const report = check(
      { [IDENTITY]: rotated('2024-02-28', 2) },
      '2024-03-01',
    );
    expect(briefs(report).map((b) => b.message)).toEqual([
      'credentials[0].lastRotated "2024-02-28" is 2 days ago; the limit is 2 days, reached on 2024-03-01',
    ]);
  });
});

describe('review due (NHI-181)', () => {
  const reviewed = (date: string) =>
    CLEAN.replace('lastReviewed: 2026-11-01', `lastReviewed: ${date}`);

  it('passes one day before review.intervalDays and warns on the day', () => {
    expect(check({ [IDENTITY]: reviewed('2026-09-03') }).findings).toEqual([]);
    expect(briefs(check({ [IDENTITY]: reviewed('2026-09-02') }))).toEqual([
      {
        rule: 'NHI-181',
        at: `${IDENTITY}:10:29`,
        message:
          'review.lastReviewed "2026-09-02" is 90 days ago; the limit is 90 days, reached on 2026-12-01',
      },
    ]);
  });
});

describe('expiry (NHI-142, NHI-143)', () => {
  const expires = (date: string, method = 'manual') =>
    withCredential([
      'status: active',
      'lastRotated: 2026-10-01',
      `expires: ${date}`,
      `rotation: { intervalDays: 90, method: ${method} }`,
    ]);

  it('fails a credential that expires today', () => {
    expect(briefs(check({ [IDENTITY]: expires('2026-12-01') }))).toEqual([
      {
        rule: 'NHI-142',
        at: `${IDENTITY}:17:5`,
        message: 'credentials[0].expires "2026-12-01" is today',
      },
    ]);
  });

  it('fails a credential that expired yesterday', () => {
    expect(briefs(check({ [IDENTITY]: expires('2026-11-30') }))).toEqual([
      {
        rule: 'NHI-142',
        at: `${IDENTITY}:17:5`,
        message: 'credentials[0].expires "2026-11-30" passed 1 day ago',
      },
    ]);
  });

  it('warns 29 days ahead and is quiet 30 days ahead', () => {
    expect(briefs(check({ [IDENTITY]: expires('2026-12-30') }))).toEqual([
      {
        rule: 'NHI-143',
        at: `${IDENTITY}:17:5`,
        message:
          'credentials[0].expires "2026-12-30" is in 29 days, within the 30-day warning window',
      },
    ]);
    expect(check({ [IDENTITY]: expires('2026-12-31') }).findings).toEqual([]);
  });

  it('does not warn for a credential that renews automatically', () => {
    expect(
      check({ [IDENTITY]: expires('2026-12-30', 'automatic') }).findings,
    ).toEqual([]);
  });
});

describe('unused credential (NHI-144)', () => {
  const used = (date: string) =>
    withCredential([
      'lastRotated: 2026-10-01',
      `lastUsed: ${date}`,
      'rotation: { intervalDays: 90 }',
    ]);

  it('passes 44 days after last use and warns at 45', () => {
    expect(check({ [IDENTITY]: used('2026-10-18') }).findings).toEqual([]);
    expect(briefs(check({ [IDENTITY]: used('2026-10-17') }))).toEqual([
      {
        rule: 'NHI-144',
        at: `${IDENTITY}:16:5`,
        message:
          'credentials[0].lastUsed "2026-10-17" is 45 days ago; the limit is 45 days, reached on 2026-12-01',
      },
    ]);
  });
});
