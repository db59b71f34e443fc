import { describe, expect, it } from 'vitest';
import {
  approvalSection,
  approvedStatus,
  CONTEXT,
  fixture,
  ledgerReader,
  runGate,
  startScenario,
  closeAfterEach,
  type Scenario,
} from './gate-scenario.js';

let s: Scenario;
closeAfterEach(() => s);

const short = (sha: string) => sha.slice(0, 7);

describe('who must approve, through dist/index.js', () => {
  it('A1: an approval of commit A does not count once commit B widens the scopes', async () => {
    let commitA = '';
    s = await startScenario((repo) => {
      repo.write(ledgerReader((t) => t.replace('nightly', 'hourly')));
      commitA = repo.commit('A: reword');
      repo.write(
        ledgerReader((t) =>
          t
            .replace('nightly', 'hourly')
            .replace('[roles/bigquery.dataViewer]', '[roles/bigquery.admin]'),
        ),
      );
    });
    s.api.state.addReview(1, {
      user: 'dana-gh',
      state: 'APPROVED',
      commitId: commitA,
    });

    const run = await runGate(s);

    expect(s.statuses()).toEqual([
      {
        state: 'failure',
        context: CONTEXT,
        description:
          'Waiting for approval by payments (svc-ledger-reader); security (svc-ledger-reader).',
      },
    ]);
    const section = approvalSection(run.summary);
    expect(section).toContain(
      '| ❌ | svc\\-ledger\\-reader | modified | security | wider scopes or privilege | — | 1 |',
    );
    expect(section).toContain(
      `- dana\\-gh approved an earlier commit \`${short(commitA)}\`.`,
    );
  });

  it('A1: the same change passes once both teams approve the head commit', async () => {
    s = await startScenario(
      ledgerReader((t) =>
        t.replace('[roles/bigquery.dataViewer]', '[roles/bigquery.admin]'),
      ),
    );
    s.api.state.addReview(1, { user: 'dana-gh', state: 'APPROVED' });
    s.api.state.addReview(1, { user: 'grace-gh', state: 'APPROVED' });

    await runGate(s);

    expect(s.statuses()).toEqual([approvedStatus(s)]);
  });

  it('asks the old owner too when ownership moves: the new owner alone is not enough', async () => {
    s = await startScenario(
      ledgerReader((t) =>
        t.replace(
          '{ team: payments, individual: dana }',
          '{ team: platform, individual: frank }',
        ),
      ),
    );
    s.api.state.addReview(1, { user: 'frank-gh', state: 'APPROVED' });

    const run = await runGate(s);

    expect(s.statuses()).toEqual([
      {
        state: 'failure',
        context: CONTEXT,
        description: 'Waiting for approval by payments (svc-ledger-reader).',
      },
    ]);
    const section = approvalSection(run.summary);
    expect(section).toContain(
      '| ❌ | svc\\-ledger\\-reader | modified | payments | owner | — | 1 |',
    );
    expect(section).toContain(
      '| ❌ | svc\\-ledger\\-reader | modified | platform | new owner | frank\\-gh | 0 |',
    );
  });

  it('asks the security team for a policy change, whoever else approved', async () => {
    s = await startScenario({
      'nhi-policy.yaml': fixture('nhi-policy.yaml').replace(
        'failOn: error',
        'failOn: never',
      ),
    });
    s.api.state.addReview(1, { user: 'dana-gh', state: 'APPROVED' });

    const run = await runGate(s);

    expect(s.statuses()).toEqual([
      {
        state: 'failure',
        context: CONTEXT,
        description: 'Waiting for approval by security (nhi-policy.yaml).',
      },
    ]);
    expect(approvalSection(run.summary)).toContain(
      '| ❌ | nhi\\-policy\\.yaml | changed | security | policy, owners or configuration change | — | 1 |',
    );

    s.api.state.addReview(1, { user: 'grace-gh', state: 'APPROVED' });
    await runGate(s);

    expect(s.statuses()).toHaveLength(2);
    expect(s.statuses()[1]).toEqual(approvedStatus(s));
  });

  it('asks the owner and the security team to delete an identity', async () => {
    s = await startScenario({ 'identities/svc-ledger-reader.yaml': null });
    s.api.state.addReview(1, { user: 'dana-gh', state: 'APPROVED' });

    await runGate(s);

    expect(s.statuses()).toEqual([
      {
        state: 'failure',
        context: CONTEXT,
        description: 'Waiting for approval by security (svc-ledger-reader).',
      },
    ]);
  });

  it('asks the new team, and security for production, for an added identity', async () => {
    s = await startScenario({
      'identities/svc-ledger-writer.yaml': fixture('svc-ledger-reader.yaml')
        .replaceAll('svc-ledger-reader', 'svc-ledger-writer')
        .replace('environment: development', 'environment: production')
        .replace(
          '{ team: payments, individual: dana }',
          '{ team: platform, individual: frank }',
        ),
    });
    s.api.state.addReview(1, { user: 'frank-gh', state: 'APPROVED' });

    await runGate(s);

    expect(s.statuses()).toEqual([
      {
        state: 'failure',
        context: CONTEXT,
        description: 'Waiting for approval by security (svc-ledger-writer).',
      },
    ]);
  });
});
