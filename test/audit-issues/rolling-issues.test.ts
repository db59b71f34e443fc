import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOKENS } from '../support/github-api/index.js';
import {
  errorsOf,
  requestsSince,
  startAuditScenario,
  type AuditScenario,
  type IdentitySpec,
} from './audit-scenario.js';

const OVERDUE = '2026-08-01';
const FRESH = '2026-11-20';
const INVENTORY: IdentitySpec[] = [
  { id: 'svc-ledger-reader', team: 'payments', lastRotated: OVERDUE },
  { id: 'svc-ledger-writer', team: 'payments', lastRotated: FRESH },
  { id: 'svc-dns-updater', team: 'platform', lastRotated: OVERDUE },
  { id: 'svc-release-bot', team: 'release', lastRotated: FRESH },
];

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

describe('the rolling issue per owning team', () => {
  it('opens one issue per team on the first of three runs, then writes nothing', async () => {
    const first = await s.run();
    const afterFirst = s.api.requests().length;
    const second = await s.run();
    const afterSecond = s.api.requests().length;
    const third = await s.run();

    expect([first.status, second.status, third.status]).toEqual([0, 0, 0]);
    expect(
      s.api.state
        .issues()
        .map((i) => [i.title, i.state, i.labels, i.assignees]),
    ).toEqual([
      [
        'Non-human identities due: Team payments',
        'open',
        ['nhi-policy'],
        ['payments-gh'],
      ],
      [
        'Non-human identities due: Team platform',
        'open',
        ['nhi-policy'],
        ['platform-gh'],
      ],
    ]);
    expect(s.issuesOf('payments')[0]?.body).toContain(
      '- [ ] **svc\\-ledger\\-reader**: rotate credential key: due every 90 days, last on 2026\\-08\\-01 (overdue since 2026-10-30).',
    );
    const later = s.api.requests().slice(afterFirst);
    expect(later.filter((r) => r.write)).toEqual([]);
    expect(
      requestsSince(s.api, afterSecond).filter((r) => r.method === 'PATCH'),
    ).toEqual([]);
    expect(third.summary).toContain('### Rolling issues');
    expect(third.summary).toContain('| payments | 1 | #1 | unchanged |');
    expect(second.summary).toBe(third.summary);
  });

  it('updates the renamed, commented issue in place and keeps its title', async () => {
    await s.run();
    const issue = s.api.state.issue(1);
    issue.title = 'Ledger keys: on it';
    s.api.state.addComment(1, { user: 'payments-gh', body: 'Rotating today.' });
    s.write(
      INVENTORY.map((i) =>
        i.id === 'svc-ledger-writer' ? { ...i, lastRotated: OVERDUE } : i,
      ),
    );

    const from = s.api.requests().length;
    const run = await s.run();

    expect(run.status).toBe(0);
    expect(
      s.issuesOf('payments').map((i) => [i.number, i.state, i.title]),
    ).toEqual([[1, 'open', 'Ledger keys: on it']]);
    expect(s.api.state.issue(1).body).toContain('svc\\-ledger\\-writer');
    expect(s.api.state.issue(1).comments.map((c) => c.body)).toEqual([
      'Rotating today.',
    ]);
    expect(
      requestsSince(s.api, from)
        .filter((r) => r.write)
        .map((r) => [r.method, r.path]),
    ).toEqual([['PATCH', '/repos/acme/identities/issues/1']]);
    expect(run.summary).toContain('| payments | 2 | #1 | updated |');
  });

  it('closes the issue with a comment once the credential is rotated', async () => {
    await s.run();
    s.write(
      INVENTORY.map((i) =>
        i.team === 'payments' ? { ...i, lastRotated: FRESH } : i,
      ),
    );

    const run = await s.run();

    const [issue] = s.issuesOf('payments');
    expect([issue?.state, issue?.stateReason]).toEqual(['closed', 'completed']);
    expect(issue?.comments.map((c) => c.body)).toEqual([
      'Nothing is due for Team payments as of 2026-12-01. Closing; this issue reopens when something comes due again.',
    ]);
    expect(s.issuesOf('platform')[0]?.state).toBe('open');
    expect(run.summary).toContain('| payments | 0 | #1 | closed |');
  });

  it('reopens the closed issue when something comes due again', async () => {
    await s.run();
    s.write(INVENTORY.map((i) => ({ ...i, lastRotated: FRESH })));
    await s.run();
    s.write(INVENTORY);

    const run = await s.run();

    expect(s.api.state.issues().map((i) => [i.number, i.state])).toEqual([
      [1, 'open'],
      [2, 'open'],
    ]);
    expect(s.api.state.issue(1).comments.at(-1)?.body).toBe(
      'Reopened on 2026-12-01: 1 item is due again.',
    );
    expect(run.summary).toContain('| payments | 1 | #1 | reopened |');
  });

  it('writes nothing in a dry run and shows the plan', async () => {
    const run = await s.run({ inputs: { 'dry-run': 'true' } });

    expect(run.status).toBe(0);
    expect(s.api.writes()).toEqual([]);
    expect(run.stdout).toContain(
      'payments: create "Non-human identities due: Team payments"',
    );
    expect(run.summary).toContain(
      '### Rolling issues (dry run: nothing was written)',
    );
    expect(run.summary).toContain('| payments | 1 |  | would be created |');
  });

  it('warns, and does not crash, when the token cannot write issues', async () => {
    const run = await s.run({ token: TOKENS.fork });

    expect(run.status).toBe(0);
    expect(s.api.state.issues()).toEqual([]);
    const warnings = run.commands.filter((c) => c.command === 'warning');
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringContaining(
        'The rolling issues were not written: creating the label nhi-policy failed (403',
      ),
    ]);
    expect(warnings[0]?.message).toContain('"permissions: issues: write"');
    expect(errorsOf(run)).toEqual([]);
  });
});
