import { describe, expect, it } from 'vitest';
import { IDENTITY, briefs, check, fixture } from '../helpers/inventory.js';

const CLEAN = fixture('identities/clean-service-account.yaml');

/** The clean fixture with another id and its own vault path. */
function identity(id: string): string {
  return CLEAN.replace('svc-billing-report-reader', id).replace(
    'kv/billing/report-reader',
    `kv/${id}`,
  );
}

describe('ids', () => {
  it('NHI-102: the id differs from the file name', () => {
    const report = check({
      'identities/svc-billing-ledger-export.yaml': identity(
        'svc-billing-ledger-exporter',
      ),
    });
    expect(briefs(report)).toEqual([
      {
        rule: 'NHI-102',
        at: 'identities/svc-billing-ledger-export.yaml:2:1',
        message:
          'id "svc-billing-ledger-exporter" differs from the file name "svc-billing-ledger-export": rename the file to match the id, or change the id',
      },
    ]);
  });

  it('NHI-103: the second file with an id is flagged, naming the first', () => {
    const report = check({
      'identities/payments/svc-billing-report-reader.yaml': CLEAN,
      'identities/reporting/svc-billing-report-reader.yaml': CLEAN.replace(
        'kv/billing/report-reader',
        'kv/reporting/report-reader',
      ),
    });
    expect(briefs(report)).toEqual([
      {
        rule: 'NHI-103',
        at: 'identities/reporting/svc-billing-report-reader.yaml:2:1',
        message:
          'id "svc-billing-report-reader" is already used by identities/payments/svc-billing-report-reader.yaml',
      },
    ]);
  });
});

describe('owners', () => {
  it('NHI-151: an unknown team, with did you mean', () => {
    const text = CLEAN.replace(
      'team: payments-platform',
      'team: payment-platform',
    );
    expect(briefs(check({ [IDENTITY]: text }))).toEqual([
      {
        rule: 'NHI-151',
        at: `${IDENTITY}:8:10`,
        message:
          'owner.team "payment-platform" is not a team in owners.yaml; did you mean "payments-platform"?',
      },
    ]);
  });

  it('NHI-152: a declared person who is not in the owning team', () => {
    const text = CLEAN.replace(
      'individual: dana-whitfield',
      'individual: grace-nakamura',
    );
    expect(briefs(check({ [IDENTITY]: text }))).toEqual([
      {
        rule: 'NHI-152',
        at: `${IDENTITY}:8:35`,
        message:
          'owner.individual "grace-nakamura" is not a member of team "payments-platform" in owners.yaml: add them to the team or name a member',
      },
    ]);
  });

  it('NHI-152: a person not declared at all, with did you mean', () => {
    const text = CLEAN.replace(
      'individual: dana-whitfield',
      'individual: dana-whitfeld',
    );
    expect(briefs(check({ [IDENTITY]: text }))).toEqual([
      {
        rule: 'NHI-152',
        at: `${IDENTITY}:8:35`,
        message:
          'owner.individual "dana-whitfeld" is not a person in owners.yaml; did you mean "dana-whitfield"?',
      },
    ]);
  });
});

describe('NHI-132 shared secret location', () => {
  it('flags the second identity at the same vault path, trailing slash or not', () => {
    const report = check({
      [IDENTITY]: CLEAN,
      'identities/svc-billing-report-writer.yaml': identity(
        'svc-billing-report-writer',
      ).replace('kv/svc-billing-report-writer', 'kv/billing/report-reader/'),
    });
    expect(briefs(report)).toEqual([
      {
        rule: 'NHI-132',
        at: 'identities/svc-billing-report-writer.yaml:14:32',
        message: `this secret location is also used by ${IDENTITY}`,
      },
    ]);
  });

  it('flags two credentials of one identity sharing a path', () => {
    const text = CLEAN.replace(
      '    rotation: { intervalDays: 90 }\n',
      [
        '    rotation: { intervalDays: 90 }',
        '  - id: standby',
        '    type: sa-key',
        '    storage: { backend: vault, ref: kv/billing/report-reader }',
        '    lastRotated: 2026-10-01',
        '    rotation: { intervalDays: 90 }',
        '',
      ].join('\n'),
    );
    expect(briefs(check({ [IDENTITY]: text }))).toEqual([
      {
        rule: 'NHI-132',
        at: `${IDENTITY}:19:32`,
        message:
          'this secret location is also used by another credential in this file',
      },
    ]);
  });

  it('does not confuse the same path in two different backends', () => {
    const report = check({
      [IDENTITY]: CLEAN,
      'identities/svc-billing-report-writer.yaml': identity(
        'svc-billing-report-writer',
      )
        .replace('kv/svc-billing-report-writer', 'kv/billing/report-reader')
        .replace('backend: vault', 'backend: 1password'),
    });
    expect(report.findings).toEqual([]);
  });
});
