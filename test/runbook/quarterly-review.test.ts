import { describe, expect, it } from 'vitest';
import {
  quarterlyReviewTitle,
  quarterOf,
  readTicks,
  renderQuarterlyReview,
  type QuarterlyReviewInput,
} from '../../src/audit/render-quarterly-review.js';
import { EXAMPLES, readInventory } from './example-inventory.js';

const { workspace, identities } = readInventory(EXAMPLES);

function input(team: string, extra: Partial<QuarterlyReviewInput> = {}) {
  return {
    team,
    quarter: '2026-Q4',
    identities,
    owners: workspace.owners,
    fallbackTeam: 'security',
    runbooksDir: 'runbooks',
    ...extra,
  };
}

describe('quarterly review issue body', () => {
  it('names the quarter of a date in UTC calendar terms', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-11-30')).toBe('2026-Q4');
    expect(quarterlyReviewTitle('Finance Operations', '2026-Q4')).toBe(
      'Quarterly access review: Finance Operations, 2026-Q4',
    );
  });

  it("lists the team's identities that have access, with four checks and the record", () => {
    const body = renderQuarterlyReview(input('data-platform'));
    expect(body.split('\n').slice(0, 3)).toEqual([
      '<!-- nhi-policy:quarterly-review team=data-platform quarter=2026-q4 -->',
      '## Quarterly access review: Data Platform, 2026\\-Q4',
      '',
    ]);
    const headings = body.split('\n').filter((l) => l.startsWith('### '));
    // The decommissioned exporter has no access left to review.
    expect(headings).toEqual([
      '### key-fivetran-warehouse-sync',
      '### mu-snowflake-dbt-runner',
      '### svc-airflow-bigquery-loader',
      '### svc-analytics-sandbox-loader',
    ]);
    expect(
      readTicks(body).filter((t) => t.key.startsWith('mu-snowflake')),
    ).toEqual(
      ['needed', 'scopes', 'rotated', 'dependents', 'recorded'].map((item) => ({
        key: `mu-snowflake-dbt-runner/${item}`,
        checked: false,
      })),
    );
  });

  it('states what to confirm: scopes, rotations with due dates, dependents', () => {
    const body = renderQuarterlyReview(input('finance-operations'));
    expect(body).toContain(
      '- [ ] Rotated on time: `client-certificate` last rotated 2026-09-21, next due 2026-12-20 <!-- nhi-review:cert-partner-bank-sftp-mtls/rotated -->',
    );
    expect(body).toContain(
      '- [ ] Scopes still right: `Upload payment batches (pain.001)`; `Download statements (camt.053)` <!-- nhi-review:cert-partner-bank-sftp-mtls/scopes -->',
    );
    expect(body).toContain(
      'Dependents current: service `Payment file transfer service pft-prod (SFTP client)`, contact: IT Operations (team `it-operations`); application `NetSuite',
    );
    expect(body).toContain(
      'runbook: `runbooks/cert-partner-bank-sftp-mtls.md` · identity file: `identities/finance-operations/cert-partner-bank-sftp-mtls.yaml`',
    );
  });

  it('links files under a blob address when one is given', () => {
    const body = renderQuarterlyReview(
      input('security', {
        blobUrl: 'https://github.com/acme/inventory/blob/main/',
      }),
    );
    expect(body).toContain(
      '[runbook](https://github.com/acme/inventory/blob/main/runbooks/cert-vault-server-tls.md) · [identity file](https://github.com/acme/inventory/blob/main/identities/security/cert-vault-server-tls.yaml)',
    );
  });

  it('reads back which boxes were ticked, for the evidence trail', () => {
    const body = renderQuarterlyReview(input('it-operations'));
    const ticked = body.replace(
      '- [ ] Still needed. Purpose: Okta application',
      '- [x] Still needed. Purpose: Okta application',
    );
    const changed = readTicks(ticked).filter(
      (t, i) => t.checked !== readTicks(body)[i]?.checked,
    );
    expect(changed).toEqual([
      { key: 'app-okta-github-scim/needed', checked: true },
    ]);
  });

  it('says so when a team has nothing to review', () => {
    const body = renderQuarterlyReview(input('nobody'));
    expect(body).toContain(
      'This team owns no identity with access this quarter.',
    );
    expect(readTicks(body)).toEqual([]);
  });
});
