import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotationsOf } from '../support/run-action.js';
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

/** A pull request that only rewords svc-ledger-reader, owned by payments. */
function reword(author?: string) {
  return startScenario(
    ledgerReader((t) => t.replace('nightly', 'hourly')),
    { author },
  );
}

const WAITING = {
  state: 'failure',
  context: CONTEXT,
  description: 'Waiting for approval by payments (svc-ledger-reader).',
};

describe('what counts as an approval, through dist/index.js', () => {
  it('turns the status green when an owner approves', async () => {
    s = await reword();
    s.api.state.addReview(1, { user: 'dana-gh', state: 'APPROVED' });

    const run = await runGate(s);

    expect(run.status).toBe(0);
    expect(s.statuses()).toEqual([
      {
        state: 'success',
        context: CONTEXT,
        description: `Owners approved the 1 change at ${s.repo.headSha.slice(0, 7)}.`,
      },
    ]);
    expect(run.outputs.approval).toBe('approved');
    expect(annotationsOf(run)).toEqual([]);
    expect(approvalSection(run.summary)).toContain(
      '| ✅ | svc\\-ledger\\-reader | modified | payments | owner | dana\\-gh | 0 |',
    );
    const json = JSON.parse(
      readFileSync(run.outputs['json-file'] ?? '', 'utf8'),
    );
    expect(json.approval).toMatchObject({
      kind: 'verdict',
      context: CONTEXT,
      verdict: {
        state: 'approved',
        items: [
          {
            requirement: { subject: 'svc-ledger-reader', kind: 'identity' },
            teams: [{ team: 'payments', approvedBy: ['dana-gh'], missing: 0 }],
          },
        ],
      },
    });
  });

  it('does not count the author approving their own pull request', async () => {
    s = await reword('dana-gh');
    s.api.state.addReview(1, { user: 'dana-gh', state: 'APPROVED' });

    const run = await runGate(s);

    expect(s.statuses()).toEqual([WAITING]);
    expect(run.outputs.approval).toBe('missing');
    expect(run.status).toBe(0);
    expect(approvalSection(run.summary)).toContain(
      '- dana\\-gh wrote the pull request.',
    );
  });

  it('keeps an approval followed by a plain comment', async () => {
    s = await reword();
    s.api.state.addReview(1, { user: 'dana-gh', state: 'APPROVED' });
    s.api.state.addReview(1, { user: 'dana-gh', state: 'COMMENTED' });

    await runGate(s);

    expect(s.statuses()).toEqual([approvedStatus(s)]);
  });

  it('drops an approval that was dismissed', async () => {
    s = await reword();
    const review = s.api.state.addReview(1, {
      user: 'dana-gh',
      state: 'APPROVED',
    });
    s.api.state.dismissReview(1, review.id);

    await runGate(s);

    expect(s.statuses()).toEqual([WAITING]);
  });

  it('blocks on changes requested by another owner after an approval', async () => {
    s = await reword();
    s.api.state.addReview(1, { user: 'dana-gh', state: 'APPROVED' });
    s.api.state.addReview(1, { user: 'erin-gh', state: 'CHANGES_REQUESTED' });

    const run = await runGate(s);

    expect(s.statuses()).toEqual([
      {
        state: 'failure',
        context: CONTEXT,
        description: 'Changes requested by erin-gh on svc-ledger-reader.',
      },
    ]);
    expect(run.outputs.approval).toBe('blocked');
    expect(approvalSection(run.summary)).toContain(
      '- ⛔ erin\\-gh requested changes on svc\\-ledger\\-reader: the merge stays blocked until they approve or their review is dismissed.',
    );
  });

  it.each([
    [35, ['1']],
    [135, ['1', '2']],
  ])(
    'reads every page: %i comments before the approval',
    async (comments, pages) => {
      s = await reword();
      for (let n = 0; n < comments; n += 1) {
        s.api.state.addReview(1, { user: 'carol-gh', state: 'COMMENTED' });
      }
      s.api.state.addReview(1, { user: 'dana-gh', state: 'APPROVED' });

      await runGate(s);

      expect(s.statuses()).toEqual([approvedStatus(s)]);
      const reads = s.api
        .requests()
        .filter((r) => r.path.endsWith('/pulls/1/reviews'));
      expect(reads.map((r) => r.query.page ?? '1')).toEqual(pages);
    },
  );
});

describe('bot approvals, through dist/index.js', () => {
  /** A pull request that rewords bot-release-publisher, owned by release. */
  function rewordBot() {
    return startScenario({
      'identities/bot-release-publisher.yaml': fixture(
        'bot-release-publisher.yaml',
      ).replace('release notes', 'release notes and tags'),
    });
  }

  it('never counts a bot the owners registry does not declare', async () => {
    s = await rewordBot();
    s.api.state.addReview(1, { user: 'renovate[bot]', state: 'APPROVED' });
    s.api.state.addReview(1, { user: 'dana-gh', state: 'APPROVED' });

    const run = await runGate(s);

    expect(s.statuses()).toEqual([
      {
        state: 'failure',
        context: CONTEXT,
        description: 'Waiting for approval by release (bot-release-publisher).',
      },
    ]);
    expect(approvalSection(run.summary)).toContain(
      '- renovate\\[bot\\] is a bot that the owners registry does not declare.',
    );
  });

  it('counts a bot declared with bot: true in the owning team', async () => {
    s = await rewordBot();
    s.api.state.addReview(1, { user: 'acme-release[bot]', state: 'APPROVED' });

    await runGate(s);

    expect(s.statuses()).toEqual([approvedStatus(s)]);
  });
});
