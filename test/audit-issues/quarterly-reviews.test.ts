import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startAuditScenario,
  type AuditScenario,
  type IdentitySpec,
} from './audit-scenario.js';

// Nothing comes due, so every issue written is a quarterly review.
const fresh = { lastRotated: '2026-11-20', lastReviewed: '2026-11-25' };
const INVENTORY: IdentitySpec[] = [
  { id: 'svc-ledger-reader', team: 'payments', ...fresh },
  { id: 'svc-ledger-writer', team: 'payments', ...fresh },
  { id: 'svc-dns-updater', team: 'platform', ...fresh },
];
const REVIEWS = { 'quarterly-review': 'true' };

let s: AuditScenario;
beforeEach(async () => {
  s = await startAuditScenario();
  s.write(INVENTORY);
});
afterEach(async () => {
  s.api.assertNoSchemaViolations();
  s.api.assertNoUnknownRoutes();
  await s.close();
});

function reviews() {
  return s.api.state
    .issues()
    .map((i) => [i.number, i.title, i.state, i.labels, i.assignees]);
}

describe('the quarterly review issue per owning team', () => {
  it('opens one per team with identities, once in the quarter', async () => {
    const first = await s.run({ inputs: REVIEWS });
    const afterFirst = s.api.requests().length;
    const second = await s.run({ inputs: REVIEWS });

    expect([first.status, second.status]).toEqual([0, 0]);
    expect(reviews()).toEqual([
      [
        1,
        'Quarterly access review: Team payments, 2026-Q4',
        'open',
        ['nhi-policy'],
        ['payments-gh'],
      ],
      [
        2,
        'Quarterly access review: Team platform, 2026-Q4',
        'open',
        ['nhi-policy'],
        ['platform-gh'],
      ],
    ]);
    expect(s.api.state.issue(1).body?.split('\n')[0]).toBe(
      '<!-- nhi-policy:quarterly-review team=payments quarter=2026-q4 -->',
    );
    expect(
      s.api
        .requests()
        .slice(afterFirst)
        .filter((r) => r.write),
    ).toEqual([]);
    expect(first.summary).toContain('- payments, 2026-Q4: #1 created');
    expect(second.summary).not.toContain('Quarterly reviews:');
  });

  it('never opens a second review after the team closed the first', async () => {
    await s.run({ inputs: REVIEWS });
    s.api.state.issue(1).state = 'closed';
    const afterFirst = s.api.requests().length;

    await s.run({ inputs: REVIEWS });

    expect(s.api.state.issues()).toHaveLength(2);
    expect(
      s.api
        .requests()
        .slice(afterFirst)
        .filter((r) => r.write),
    ).toEqual([]);
  });

  it('closes the last quarter with its ticks and opens the new one', async () => {
    await s.run({ inputs: REVIEWS });
    const issue = s.api.state.issue(1);
    issue.body = (issue.body ?? '')
      .replace(/- \[ \](.*svc-ledger-reader\/needed)/, '- [x]$1')
      .replace(/- \[ \](.*svc-ledger-reader\/scopes)/, '- [x]$1');
    const body = issue.body;

    const next = await s.run({ inputs: { ...REVIEWS, today: '2027-01-04' } });

    expect(next.status).toBe(0);
    expect(reviews().map(([n, title, state]) => [n, title, state])).toEqual([
      [1, 'Quarterly access review: Team payments, 2026-Q4', 'closed'],
      [2, 'Quarterly access review: Team platform, 2026-Q4', 'closed'],
      [3, 'Quarterly access review: Team payments, 2027-Q1', 'open'],
      [4, 'Quarterly access review: Team platform, 2027-Q1', 'open'],
    ]);
    expect(s.api.state.issue(1).body).toBe(body);
    expect(s.api.state.issue(1).comments.map((c) => c.body)).toEqual([
      [
        '2026-Q4 ended before 2027-01-04: closing its review with 2 of 10 boxes ticked.',
        '',
        '- Ticked: `svc-ledger-reader/needed`, `svc-ledger-reader/scopes`.',
        '- Not ticked: `svc-ledger-reader/rotated`, `svc-ledger-reader/dependents`, `svc-ledger-reader/recorded`, `svc-ledger-writer/needed`, `svc-ledger-writer/scopes`, `svc-ledger-writer/rotated`, `svc-ledger-writer/dependents`, `svc-ledger-writer/recorded`.',
        '',
        'Who ticked each box, and when, is in this issue\'s edit history (the "edited" menu on the issue text).',
      ].join('\n'),
    ]);
    expect(next.summary).toContain('- payments, 2026-Q4: #1 closed');
    expect(next.summary).toContain('- payments, 2027-Q1: #3 created');
  });

  it('writes nothing in a dry run and shows the plan', async () => {
    const run = await s.run({ inputs: { ...REVIEWS, 'dry-run': 'true' } });

    expect(run.status).toBe(0);
    expect(s.api.writes()).toEqual([]);
    expect(run.summary).toContain(
      '- payments, 2026-Q4: would be created\n- platform, 2026-Q4: would be created',
    );
  });

  it('shares the operation budget with the rolling issues', async () => {
    const run = await s.run({ inputs: { ...REVIEWS, 'max-operations': '1' } });
    const again = await s.run({ inputs: REVIEWS });

    expect([run.status, again.status]).toEqual([1, 0]);
    expect(reviews().map(([n, title]) => [n, title])).toEqual([
      [1, 'Quarterly access review: Team payments, 2026-Q4'],
      [2, 'Quarterly access review: Team platform, 2026-Q4'],
    ]);
  });
});
