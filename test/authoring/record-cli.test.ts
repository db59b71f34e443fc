import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, copyExamples, EXAMPLES } from '../runbook/example-inventory.js';
import { lineChanges } from './line-changes.js';

const CERT = 'identities/finance-operations/cert-partner-bank-sftp-mtls.yaml';

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Pacific/Kiritimati' },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('nhi-policy rotate and review (bundle)', () => {
  it('records a certificate renewal, keeps the comments, refreshes the runbooks', () => {
    const root = copyExamples();
    const { code, out, err } = run(
      [
        'rotate',
        CERT,
        '--by',
        'samuel-osei',
        '--verified-by',
        'diego-ferreira',
        '--evidence',
        'FIN-0533',
        '--expires',
        '2027-03-20',
        '--date',
        '2026-11-30',
      ],
      root,
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      `Recorded a rotation done on 2026-11-30 in ${CERT}.`,
      'Runbooks updated: runbooks/cert-partner-bank-sftp-mtls.md, runbooks/README.md.',
      expect.stringMatching(
        new RegExp(
          `^The check finds no problem in ${CERT} on \\d{4}-\\d{2}-\\d{2}\\.$`,
        ),
      ),
      'Next: commit the changed files and open a pull request.',
      '',
    ]);
    const before = readFileSync(path.join(EXAMPLES, CERT), 'utf8');
    const after = readFileSync(path.join(root, CERT), 'utf8');
    expect(after.split('\n').slice(0, 6)).toEqual(
      before.split('\n').slice(0, 6),
    );
    expect(lineChanges(before, after)).toEqual({
      removed: ['    lastRotated: 2026-09-21', '    expires: 2026-12-20'],
      added: [
        '    lastRotated: 2026-11-30',
        '    expires: 2027-03-20',
        'history:',
        '  - action: rotated',
        '    date: 2026-11-30',
        '    by: samuel-osei',
        '    verifiedBy: diego-ferreira',
        '    credential: client-certificate',
        '    evidence: FIN-0533',
      ],
    });
    const page = readFileSync(
      path.join(root, 'runbooks/cert-partner-bank-sftp-mtls.md'),
      'utf8',
    );
    expect(page).toContain(
      '| 2026-11-30 | rotated | Samuel Osei (`samuel-osei`) | Diego Ferreira (`diego-ferreira`) | `client-certificate` | `FIN-0533` |  |',
    );
  });

  it('records a review from inside the identity folder', () => {
    const root = copyExamples();
    const folder = path.join(root, 'identities/it-operations');
    const { code, out } = run(
      [
        'review',
        'mu-jira-sandbox-sync.yaml',
        '--by',
        'hannah-kowalski',
        '--evidence',
        'https://github.com/acme/inventory/issues/88',
        '--date',
        '2026-11-30',
      ],
      folder,
    );
    expect(code).toBe(0);
    expect(out).toContain(
      'Recorded a review done on 2026-11-30 in identities/it-operations/mu-jira-sandbox-sync.yaml.',
    );
    const text = readFileSync(
      path.join(folder, 'mu-jira-sandbox-sync.yaml'),
      'utf8',
    );
    expect(text).toContain(
      '  lastReviewed: 2026-11-30\n  reviewedBy: hannah-kowalski\n',
    );
    expect(text).toContain(
      '    evidence: https://github.com/acme/inventory/issues/88\n',
    );
  });

  it('finds the file from the identity id, and says where', () => {
    const root = copyExamples();
    const { code, out } = run(
      [
        'rotate',
        'cert-partner-bank-sftp-mtls',
        '--by',
        'samuel-osei',
        '--verified-by',
        'hannah-kowalski',
        '--evidence',
        'FIN-0533',
        '--expires',
        '2027-03-20',
        '--date',
        '2026-11-30',
      ],
      root,
    );
    expect(code).toBe(0);
    expect(out.split('\n').slice(0, 2)).toEqual([
      `Found cert-partner-bank-sftp-mtls in ${CERT}.`,
      `Recorded a rotation done on 2026-11-30 in ${CERT}.`,
    ]);
  });

  it('refuses an id it cannot find, and says to give the path', () => {
    const root = copyExamples();
    const { code, err } = run(
      [
        'review',
        'mu-jira-sync',
        '--by',
        'hannah-kowalski',
        '--evidence',
        'X-1',
      ],
      root,
    );
    expect(code).toBe(2);
    expect(err).toBe(
      `nhi-policy: there is no file "mu-jira-sync" here and no identity file named mu-jira-sync.yaml in the inventory at ${root}: give the path of the identity file, for example identities/<team>/mu-jira-sync.yaml\n`,
    );
  });

  it('refuses an unknown person with exit code 2 and changes nothing', () => {
    const root = copyExamples();
    const { code, err } = run(
      [
        'rotate',
        CERT,
        '--by',
        'sam',
        '--verified-by',
        'diego-ferreira',
        '--evidence',
        'FIN-1',
      ],
      root,
    );
    expect(code).toBe(2);
    expect(err).toBe(
      'nhi-policy: --by "sam" is not a person in owners.yaml: use the key of a person listed under "people:" there\n',
    );
    expect(readFileSync(path.join(root, CERT), 'utf8')).toBe(
      readFileSync(path.join(EXAMPLES, CERT), 'utf8'),
    );
  });

  it('says which flags are missing', () => {
    const { code, err } = run(
      ['rotate', CERT, '--by', 'samuel-osei'],
      EXAMPLES,
    );
    expect(code).toBe(2);
    expect(err.split('\n')[0]).toBe(
      'nhi-policy: rotate needs --verified-by, --evidence',
    );
  });
});
