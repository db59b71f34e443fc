import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../support/events.js';
import {
  fixture,
  pullRequestRepo,
  type Files,
  type GitRepo,
  type PullRequestRepoOptions,
} from '../support/git-repo.js';
import { annotationsOf, runAction } from '../support/run-action.js';
import { sarifSchemaErrors } from '../support/sarif-schema.js';

const TODAY = '2026-12-01';
const BASE: Files = {
  'nhi-policy.yaml': fixture('nhi-policy.yaml'),
  'owners.yaml': fixture('owners.yaml'),
  'identities/svc-ledger-reader.yaml': fixture('svc-ledger-reader.yaml'),
  'identities/svc-ledger-archiver.yaml': fixture(
    'svc-ledger-archiver-decommissioned.yaml',
  ),
  'README.md': '# Identities\n',
};
const UPLOADER = {
  'identities/svc-report-uploader.yaml': fixture(
    'svc-report-uploader-plaintext-storage.yaml',
  ),
};
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** Builds a pull request on top of BASE and runs the bundle on it. */
function checkPullRequest(
  head: Files | ((repo: GitRepo) => void),
  options: PullRequestRepoOptions & {
    base?: Files;
    inputs?: Record<string, string>;
  } = {},
) {
  const repo = pullRequestRepo({ ...BASE, ...options.base }, head, options);
  roots.push(repo.root);
  const run = runAction({
    workspace: repo.workspace,
    eventName: 'pull_request',
    payload: pullRequestEvent({ baseSha: repo.baseSha, headSha: repo.headSha }),
    inputs: { today: TODAY, ...options.inputs },
  });
  return { repo, run };
}

describe('the pull request check, run from dist/index.js', () => {
  it('passes a pull request that adds a compliant identity', () => {
    const { run, repo } = checkPullRequest({
      'identities/svc-report-reader.yaml': fixture('svc-report-reader.yaml'),
    });

    expect(run.status).toBe(0);
    expect(annotationsOf(run)).toEqual([]);
    expect(run.outputs).toEqual({
      result: 'pass',
      errors: '0',
      warnings: '0',
      notes: '0',
      waived: '0',
      'sarif-file': path.join(
        path.dirname(run.outputs['json-file'] ?? ''),
        'nhi-policy.sarif',
      ),
      'json-file': run.outputs['json-file'],
      approval: 'off',
    });
    expect(run.summary).toContain('## ✅ nhi-policy: this pull request passes');
    expect(run.summary).toContain(
      `Pull request #1 changes 1 file, 1 of them in the inventory. Checked 3 identity files at the head commit \`${repo.headSha.slice(0, 7)}\``,
    );
    expect(run.stdout).toContain(
      'nhi-policy: pass: 0 errors, 0 warnings, 0 notes in this pull request',
    );
  });

  it('fails a noncompliant identity with one annotation on its line', () => {
    const { run } = checkPullRequest(UPLOADER);

    expect(run.status).toBe(1);
    expect(annotationsOf(run)).toEqual([
      {
        level: 'error',
        file: 'identities/svc-report-uploader.yaml',
        line: '15',
        title: 'NHI-130: Every stored secret lives in an approved vault',
        message: expect.stringMatching(
          /^credentials\[0\]\.storage\.backend "plaintext-env-file" is not allowed; .*\nFix: Move the secret/,
        ),
      },
    ]);
    expect(run.outputs.result).toBe('fail');
    expect(run.outputs.errors).toBe('1');
    expect(run.summary).toContain(
      '## ❌ nhi-policy: this pull request needs changes',
    );
    expect(run.summary).toContain(
      '### identities/svc\\-report\\-uploader\\.yaml',
    );
    expect(run.summary).toMatch(/\| 15:7 \| 🔴 error \| NHI-130 \|/);
  });

  it('writes SARIF that validates and a JSON report with the pull request', () => {
    const { run, repo } = checkPullRequest(UPLOADER);
    const sarif = JSON.parse(
      readFileSync(run.outputs['sarif-file'] ?? '', 'utf8'),
    );
    const json = JSON.parse(
      readFileSync(run.outputs['json-file'] ?? '', 'utf8'),
    );

    expect(sarifSchemaErrors(sarif)).toBe('');
    expect(
      sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId),
    ).toEqual(['NHI-130']);
    expect(
      sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation
        .uri,
    ).toBe('identities/svc-report-uploader.yaml');
    expect(json).toMatchObject({
      mode: 'pull-request',
      result: 'fail',
      counts: { error: 1, warning: 0, note: 0, waived: 0 },
      pullRequest: {
        number: 1,
        baseSha: repo.baseSha,
        headSha: repo.headSha,
        mergeBase: repo.baseSha,
        fork: false,
        changes: [
          { status: 'added', path: 'identities/svc-report-uploader.yaml' },
        ],
        policyChanges: [],
      },
    });
    expect(json.findings).toHaveLength(1);
    expect(json.findings[0]).toMatchObject({
      ruleId: 'NHI-130',
      preExisting: false,
    });
  });

  it('judges a pull request that weakens a policy by the base policy', () => {
    const { run } = checkPullRequest({
      'nhi-policy.yaml': fixture('nhi-policy-without-storage-rule.yaml'),
      ...UPLOADER,
    });

    expect(run.status).toBe(1);
    expect(annotationsOf(run).map((a) => [a.file, a.title])).toEqual([
      [
        'identities/svc-report-uploader.yaml',
        'NHI-130: Every stored secret lives in an approved vault',
      ],
    ]);
    expect(run.summary).toContain(
      '### ⚠️ Files that govern the check changed\n\n- nhi\\-policy\\.yaml\n',
    );
    expect(run.summary).toContain(
      'judged by the versions of these files on the base branch',
    );
  });

  it('judges a pull request that adds a waiver by the base waivers', () => {
    const { run } = checkPullRequest({
      'waivers/svc-report-uploader-nhi-130.yaml': [
        'schemaVersion: 1',
        'rule: NHI-130',
        'identity: svc-report-uploader',
        'reason: The partner cannot read from the vault yet.',
        'approvedBy: grace',
        'expires: 2027-01-31',
        '',
      ].join('\n'),
      ...UPLOADER,
    });

    expect(run.status).toBe(1);
    expect(run.outputs.waived).toBe('0');
    expect(run.summary).toContain(
      '- waivers/svc\\-report\\-uploader\\-nhi\\-130\\.yaml',
    );
  });

  it('fails a pull request deleting an active identity with NHI-105', () => {
    const { run } = checkPullRequest({
      'identities/svc-ledger-reader.yaml': null,
    });

    expect(run.status).toBe(1);
    expect(annotationsOf(run)).toEqual([
      {
        level: 'error',
        file: 'identities/svc-ledger-reader.yaml',
        line: '1',
        title:
          'NHI-105: Only retired identities are deleted from the inventory',
        message: expect.stringMatching(
          /^"svc-ledger-reader" was deleted while active; only a retired identity may be deleted/,
        ),
      },
    ]);
  });

  it('passes deleting a decommissioned identity, and moving an active one', () => {
    const { run } = checkPullRequest({
      'identities/svc-ledger-archiver.yaml': null,
      'identities/svc-ledger-reader.yaml': null,
      'identities/payments/svc-ledger-reader.yaml': fixture(
        'svc-ledger-reader.yaml',
      ),
    });

    expect(run.status).toBe(0);
    expect(annotationsOf(run)).toEqual([]);
  });

  it('refuses a link to a file outside the repository and never reads it', () => {
    const secret = 'TARGET-CONTENT-7f3a9c-must-never-appear';
    const { run } = checkPullRequest(
      (repo) => {
        const outside = path.join(repo.root, 'outside.yaml');
        writeFileSync(outside, `purpose: ${secret}\n`);
        repo.symlink('identities/svc-report-reader.yaml', outside);
        repo.symlink('identities/svc-relative-link.yaml', '../../outside.yaml');
      },
      { checkoutHead: true },
    );

    expect(run.status).toBe(1);
    expect(annotationsOf(run).map((a) => [a.file, a.line, a.title])).toEqual([
      [
        'identities/svc-relative-link.yaml',
        '1',
        'NHI-003: Identity files are plain files inside the inventory',
      ],
      [
        'identities/svc-report-reader.yaml',
        '1',
        'NHI-003: Identity files are plain files inside the inventory',
      ],
    ]);
    expect(annotationsOf(run)[0]?.message).toMatch(
      /^this is a symbolic link; links are never followed/,
    );
    expect(run.everything).not.toContain(secret);
  });

  it('passes a pull request that touches no identity file', () => {
    const { run } = checkPullRequest({
      'README.md': '# Identities\n\nMore words.\n',
    });

    expect(run.status).toBe(0);
    expect(run.outputs.result).toBe('pass');
    expect(run.summary).toContain('changes 1 file, 0 of them in the inventory');
  });

  it('reports findings already at base as pre-existing without failing', () => {
    const { run } = checkPullRequest(
      {
        'identities/svc-report-reader.yaml': fixture('svc-report-reader.yaml'),
      },
      {
        base: {
          'identities/svc-ledger-exporter.yaml': fixture(
            'svc-ledger-exporter-rotation-overdue.yaml',
          ),
        },
      },
    );

    expect(run.status).toBe(0);
    expect(annotationsOf(run)).toEqual([]);
    expect(run.outputs.errors).toBe('0');
    expect(run.summary).toContain(
      '<summary>Pre-existing findings, not counted: 1 error, 0 warnings, 0 notes</summary>',
    );
    expect(run.stdout).toContain(
      'identities/svc-ledger-exporter.yaml\n  16:5    error   NHI-141',
    );
  });

  it('fails a duplicate id flagged on the unchanged older file', () => {
    // "identities/a/…" sorts first, so the older file is the one flagged.
    const { run } = checkPullRequest({
      'identities/a/svc-ledger-reader.yaml': fixture(
        'svc-ledger-reader.yaml',
      ).replace(
        'kv/payments/svc-ledger-reader',
        'kv/payments/svc-ledger-reader-2',
      ),
    });

    expect(run.status).toBe(1);
    expect(annotationsOf(run).map((a) => [a.file, a.title])).toEqual([
      [
        'identities/svc-ledger-reader.yaml',
        'NHI-103: Each identity id is used once',
      ],
    ]);
  });

  it('finds the branch point when the base branch moved on, in a shallow clone', () => {
    const { run } = checkPullRequest(
      {
        'identities/svc-report-reader.yaml': fixture('svc-report-reader.yaml'),
      },
      {
        baseMovesOn: [
          { 'README.md': '# Identities\n\nOne.\n' },
          { 'docs/setup.md': 'Two.\n' },
        ],
      },
    );
    const json = JSON.parse(
      readFileSync(run.outputs['json-file'] ?? '', 'utf8'),
    );

    expect(run.status).toBe(0);
    expect(json.pullRequest.changes).toEqual([
      { status: 'added', path: 'identities/svc-report-reader.yaml' },
    ]);
    expect(json.pullRequest.mergeBase).not.toBe(json.pullRequest.baseSha);
  });

  it('deepens a shallow clone for a branch of more than 100 commits', () => {
    const { run } = checkPullRequest(
      (repo) => {
        for (let n = 1; n <= 120; n++) repo.commit(`work ${n}`);
        repo.write({
          'identities/svc-report-reader.yaml': fixture(
            'svc-report-reader.yaml',
          ),
        });
      },
      { baseMovesOn: [{ 'README.md': '# Identities\n\nOne.\n' }] },
    );
    const json = JSON.parse(
      readFileSync(run.outputs['json-file'] ?? '', 'utf8'),
    );

    expect(run.status).toBe(0);
    expect(json.pullRequest.changes).toEqual([
      { status: 'added', path: 'identities/svc-report-reader.yaml' },
    ]);
  });

  it('never lets a file name issue a workflow command', () => {
    const forged = 'identities/svc-x\n::error::forged.yaml';
    const { run } = checkPullRequest({
      [forged]: fixture('svc-report-reader.yaml'),
    });
    const annotations = annotationsOf(run);

    expect(run.status).toBe(1);
    expect(annotations.map((a) => [a.file, a.title])).toEqual([
      [forged, "NHI-102: Identity id equals the file's name"],
    ]);
    expect(run.stdout).not.toMatch(/^::error::forged/m);
  });

  it('reads a configuration kept in a folder and annotates repository paths', () => {
    const moved = Object.fromEntries(
      Object.entries(BASE).map(([file, text]) => [`inventory/${file}`, text]),
    );
    const { run } = checkPullRequest(
      {
        'inventory/identities/svc-report-uploader.yaml': fixture(
          'svc-report-uploader-plaintext-storage.yaml',
        ),
      },
      { base: moved, inputs: { directory: 'inventory' } },
    );

    expect(run.status).toBe(1);
    expect(annotationsOf(run).map((a) => a.file)).toEqual([
      'inventory/identities/svc-report-uploader.yaml',
    ]);
  });
});
