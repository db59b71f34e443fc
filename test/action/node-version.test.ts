import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../support/events.js';
import {
  fixture,
  pullRequestRepo,
  type PullRequestRepo,
} from '../support/git-repo.js';
import { annotationsOf, runAction } from '../support/run-action.js';

// Runners start the Action with the Node version action.yml names (node24).
// .ci/run points NHI_POLICY_NODE at a Node 24 binary and runs this file;
// without it, the tests here are skipped.
const node = process.env.NHI_POLICY_NODE;

describe.runIf(node)('dist/index.js under NHI_POLICY_NODE', () => {
  let repo: PullRequestRepo;
  beforeAll(() => {
    repo = pullRequestRepo(
      {
        'nhi-policy.yaml': fixture('nhi-policy.yaml'),
        'owners.yaml': fixture('owners.yaml'),
        'identities/svc-ledger-reader.yaml': fixture('svc-ledger-reader.yaml'),
      },
      {
        'identities/svc-report-uploader.yaml': fixture(
          'svc-report-uploader-plaintext-storage.yaml',
        ),
      },
    );
  });
  afterAll(() => rmSync(repo.root, { recursive: true, force: true }));

  it('is Node 24', () => {
    const version = execFileSync(node ?? '', ['--version'], {
      encoding: 'utf8',
    });
    expect(version).toMatch(/^v24\./);
  });

  it('checks a pull request and annotates its finding', () => {
    const run = runAction({
      node,
      workspace: repo.workspace,
      eventName: 'pull_request',
      payload: pullRequestEvent({
        baseSha: repo.baseSha,
        headSha: repo.headSha,
      }),
      inputs: { today: '2026-12-01' },
    });

    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.outputs).toMatchObject({ result: 'fail', errors: '1' });
    expect(annotationsOf(run).map((a) => [a.level, a.file, a.line])).toEqual([
      ['error', 'identities/svc-report-uploader.yaml', '15'],
    ]);
  });
});
