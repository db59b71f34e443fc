import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  pullRequestRepo,
  fixture,
  type PullRequestRepo,
} from '../support/git-repo.js';
import { annotationsOf, runAction } from '../support/run-action.js';

const TODAY = '2026-12-01';
let repo: PullRequestRepo;
beforeAll(() => {
  repo = pullRequestRepo(
    {
      'nhi-policy.yaml': fixture('nhi-policy.yaml'),
      'owners.yaml': fixture('owners.yaml'),
      'identities/svc-ledger-reader.yaml': fixture('svc-ledger-reader.yaml'),
      'identities/svc-ledger-exporter.yaml': fixture(
        'svc-ledger-exporter-rotation-overdue.yaml',
      ),
    },
    { 'identities/svc-report-reader.yaml': fixture('svc-report-reader.yaml') },
  );
});
afterAll(() => rmSync(repo.root, { recursive: true, force: true }));

function run(eventName: string, payload: unknown) {
  return runAction({
    workspace: repo.workspace,
    eventName,
    payload,
    // The rolling issues need a GitHub API: test/audit-issues has them.
    inputs: { today: TODAY, 'audit-issues': 'false' },
  });
}

describe('the mode, chosen by the event', () => {
  it.each(['schedule', 'workflow_dispatch'])(
    'checks the whole inventory on %s, judging every finding',
    (eventName) => {
      const result = run(
        eventName,
        eventName === 'schedule' ? { schedule: '0 6 * * 1' } : { inputs: {} },
      );

      expect(result.status).toBe(1);
      expect(annotationsOf(result).map((a) => [a.file, a.title])).toEqual([
        [
          'identities/svc-ledger-exporter.yaml',
          'NHI-141: Secrets were rotated within their own interval',
        ],
      ]);
      expect(result.summary).toContain(
        '## ❌ nhi-policy: the inventory needs changes',
      );
      expect(result.summary).toContain(
        'Checked all 2 identity files in the checkout on 2026-12-01.',
      );
      expect(result.outputs).toMatchObject({ result: 'fail', errors: '1' });
    },
  );

  it('runs the pull request check on merge_group', () => {
    const result = run('merge_group', {
      action: 'checks_requested',
      merge_group: {
        head_sha: repo.headSha,
        head_ref: 'refs/heads/gh-readonly-queue/main/pr-1-' + repo.baseSha,
        base_sha: repo.baseSha,
        base_ref: 'refs/heads/main',
      },
    });

    expect(result.status).toBe(0);
    expect(result.summary).toContain(
      'This merge group changes 1 file, 1 of them in the inventory.',
    );
    expect(result.summary).toContain(
      'Pre-existing findings, not counted: 1 error',
    );
  });

  it('refuses an event it does not handle, saying which ones it does', () => {
    const result = run('push', { ref: 'refs/heads/main' });

    expect(result.status).toBe(1);
    expect(annotationsOf(result).map((a) => a.message)).toEqual([
      'nhi-policy configuration error: nhi-policy does not run on the "push" event: trigger it on pull_request, pull_request_target, pull_request_review, merge_group, workflow_run (pull request check) or schedule, workflow_dispatch (whole inventory), see docs/action.md',
    ]);
  });

  it('says so when a pull request payload has no commit ids', () => {
    const result = run('pull_request_review', {
      review: { state: 'approved' },
    });

    expect(result.status).toBe(1);
    expect(annotationsOf(result).map((a) => a.message)).toEqual([
      'nhi-policy configuration error: the event payload has no commit id at pull_request.base.sha: is the workflow triggered by a pull request event?',
    ]);
  });
});
