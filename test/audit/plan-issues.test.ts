import { describe, expect, it } from 'vitest';
import type { AuditItem } from '../../src/audit/audit-item.js';
import {
  planIssues,
  type ExistingIssue,
  type TeamPlanInput,
} from '../../src/audit/issues/plan-issues.js';
import { renderTeamIssue } from '../../src/audit/issues/render-team-issue.js';
import { teamOfBody, tickedItems } from '../../src/audit/issues/team-marker.js';

const TODAY = '2026-12-01';

function item(identity: string, daysLeft = -3): AuditItem {
  return {
    key: `${identity}/rotation-overdue/primary`,
    kind: 'rotation-overdue',
    severity: 'error',
    team: 'payments-platform',
    identity,
    file: `identities/payments-platform/${identity}.yaml`,
    credential: 'primary',
    due: '2026-11-28',
    daysLeft,
    title: 'rotate credential primary: due every 90 days, last on 2026-08-30',
    step: 'rotation',
    verifier: 'security',
  };
}

function team(items: AuditItem[]): TeamPlanInput {
  return {
    team: 'payments-platform',
    teamName: 'Payments Platform',
    items,
    assignees: ['dana-ortiz'],
  };
}

function issue(over: Partial<ExistingIssue>): ExistingIssue {
  const body = renderTeamIssue(
    'payments-platform',
    'Payments Platform',
    [item('svc-ledger-reader')],
    new Set(),
  ).body;
  return {
    number: 7,
    state: 'open',
    title: 'renamed by a person',
    body,
    updatedAt: '2026-11-20T00:00:00Z',
    assignees: [],
    ...over,
  };
}

describe('planning rolling issues', () => {
  it('creates an issue when items come due and none exists', () => {
    const [op] = planIssues([team([item('svc-ledger-reader')])], [], TODAY);
    expect(op?.kind).toBe('create');
    expect(op?.kind === 'create' && teamOfBody(op.body)).toBe(
      'payments-platform',
    );
  });

  it('leaves a renamed issue alone when its content is unchanged', () => {
    const ops = planIssues(
      [team([item('svc-ledger-reader')])],
      [issue({})],
      TODAY,
    );
    expect(ops).toEqual([
      { kind: 'unchanged', team: 'payments-platform', number: 7 },
    ]);
  });

  it('updates in place, keeping ticked entries, when items change', () => {
    const ticked = issue({}).body!.replace('- [ ]', '- [x]');
    const ops = planIssues(
      [team([item('svc-ledger-reader'), item('svc-refunds-writer')])],
      [issue({ body: ticked })],
      TODAY,
    );
    expect(ops[0]?.kind).toBe('update');
    const body = ops[0]?.kind === 'update' ? ops[0].body : '';
    expect(tickedItems(body)).toEqual(
      new Set(['svc-ledger-reader/rotation-overdue/primary']),
    );
    expect(body.match(/- \[ \]/g)).toHaveLength(1);
  });

  it('closes the open issue with a comment when nothing is due', () => {
    const [op] = planIssues([team([])], [issue({})], TODAY);
    expect(op).toMatchObject({ kind: 'close', number: 7 });
  });

  it('reopens the newest closed issue instead of creating a second one', () => {
    const ops = planIssues(
      [team([item('svc-ledger-reader'), item('svc-refunds-writer')])],
      [
        issue({
          number: 3,
          state: 'closed',
          updatedAt: '2026-01-01T00:00:00Z',
        }),
        issue({
          number: 9,
          state: 'closed',
          updatedAt: '2026-06-01T00:00:00Z',
        }),
      ],
      TODAY,
    );
    expect(ops[0]).toMatchObject({ kind: 'update', number: 9, reopen: true });
  });

  it('ignores issues without the marker, whatever their title says', () => {
    const stranger = issue({
      number: 12,
      body: 'Non-human identities due: Payments Platform',
    });
    const [op] = planIssues(
      [team([item('svc-ledger-reader')])],
      [stranger],
      TODAY,
    );
    expect(op?.kind).toBe('create');
  });

  it('puts the teams whose issue is stalest first', () => {
    const other = {
      ...team([item('svc-a')]),
      team: 'data-platform',
      teamName: 'Data',
    };
    const dataIssue = {
      ...issue({ number: 2, updatedAt: '2026-10-01T00:00:00Z' }),
      body: renderTeamIssue(
        'data-platform',
        'Data',
        [],
        new Set(),
      ).body.replace('need attention', 'old'),
    };
    const ops = planIssues(
      [team([item('svc-ledger-reader'), item('svc-b')]), other],
      [issue({}), dataIssue],
      TODAY,
    );
    expect(ops.map((o) => o.team)).toEqual([
      'data-platform',
      'payments-platform',
    ]);
  });

  it('escapes values from files in the body', () => {
    const hostile = {
      ...item('svc-x'),
      title: 'rotate @everyone <img src=x> [link](https://example.invalid)',
    };
    const { body } = renderTeamIssue(
      'payments-platform',
      'Payments Platform',
      [hostile],
      new Set(),
    );
    expect(body).not.toContain('@everyone');
    expect(body).not.toContain('<img');
    expect(body).not.toContain('](https://');
  });
});
