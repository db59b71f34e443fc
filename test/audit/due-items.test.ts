import { describe, expect, it } from 'vitest';
import { auditInventory } from '../../src/audit/audit-inventory.js';
import { loadWorkspace } from '../../src/config/workspace.js';
import { FsSource } from '../../src/load/fs-source.js';
import { fixture, makeInventory } from '../helpers/inventory.js';

const FILE = 'identities/svc-billing-report-reader.yaml';

/** The clean fixture with some lines replaced. */
function identity(replace: Record<string, string> = {}): string {
  let text = fixture('identities/clean-service-account.yaml');
  for (const [from, to] of Object.entries(replace)) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  return text;
}

function audit(files: Record<string, string | null>, today: string) {
  const source = new FsSource(makeInventory(files));
  return auditInventory(source, loadWorkspace(source), today);
}

function summary(files: Record<string, string | null>, today: string) {
  return audit(files, today).items.map(
    (i) => `${i.team} ${i.kind} ${i.due} ${i.daysLeft}`,
  );
}

describe('audit items', () => {
  it('lists nothing for a clean identity far from its dates', () => {
    expect(summary({ [FILE]: identity() }, '2026-11-02')).toEqual([]);
  });

  it('flags a rotation due within the window, then overdue on its due day', () => {
    // lastRotated 2026-10-01 + 90 days = 2026-12-30
    expect(summary({ [FILE]: identity() }, '2026-12-16')).toEqual([
      'payments-platform rotation-due 2026-12-30 14',
    ]);
    expect(summary({ [FILE]: identity() }, '2026-12-30')).toContain(
      'payments-platform rotation-overdue 2026-12-30 0',
    );
  });

  it('G6: counts whole UTC days across a clock change (2024-03-02 + 30 is due 2024-04-01)', () => {
    const file = identity({
      'lastRotated: 2026-10-01': 'lastRotated: 2024-03-02',
      'rotation: { intervalDays: 90 }': 'rotation: { intervalDays: 30 }',
      'lastReviewed: 2026-11-01': 'lastReviewed: 2024-03-20',
    });
    expect(summary({ [FILE]: file }, '2024-04-01')).toEqual([
      'payments-platform rotation-overdue 2024-04-01 0',
    ]);
    expect(summary({ [FILE]: file }, '2024-03-31')).toEqual([
      'payments-platform rotation-due 2024-04-01 1',
    ]);
  });

  it('reads intervalDays: 030 as thirty days (Y3)', () => {
    const file = identity({
      'lastRotated: 2026-10-01': 'lastRotated: 2026-11-01',
      'rotation: { intervalDays: 90 }': 'rotation: { intervalDays: 030 }',
    });
    expect(summary({ [FILE]: file }, '2026-12-01')).toEqual([
      'payments-platform rotation-overdue 2026-12-01 0',
    ]);
  });

  it('sends an unknown owner team to the fallback team', () => {
    const file = identity({ 'team: payments-platform': 'team: payments' });
    const report = audit({ [FILE]: file }, '2026-11-02');
    expect(report.items.map((i) => [i.team, i.kind, i.title])).toEqual([
      [
        'security',
        'owner-unknown',
        'owner team "payments" is not in owners.yaml: name a real owning team',
      ],
    ]);
  });

  it('flags an expired credential and a decommissioned identity still holding one', () => {
    const expired = identity({
      'rotation: { intervalDays: 90 }':
        'rotation: { intervalDays: 90 }\n    expires: 2026-11-20',
    });
    expect(summary({ [FILE]: expired }, '2026-11-25')).toEqual([
      'payments-platform credential-expired 2026-11-20 -5',
    ]);
    const retired = identity({ 'status: active': 'status: decommissioned' });
    expect(summary({ [FILE]: retired }, '2026-11-02')).toEqual([
      'payments-platform decommissioned-credential 2026-11-02 0',
    ]);
  });

  it('does not ask a keyless credential to rotate', () => {
    const keyless = identity({
      '    type: sa-key\n    storage: { backend: vault, ref: kv/billing/report-reader }\n    lastRotated: 2026-10-01\n    rotation: { intervalDays: 90 }':
        '    type: federated\n    issuer: https://token.actions.githubusercontent.com\n    created: 2020-01-01',
    });
    expect(summary({ [FILE]: keyless }, '2026-11-02')).toEqual([]);
  });
});
