import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, copyExamples, EXAMPLES, TODAY } from './example-inventory.js';

function run(args: string[], tz = 'UTC') {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: tz },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function pages(root: string): Record<string, string> {
  const dir = path.join(root, 'runbooks');
  return Object.fromEntries(
    readdirSync(dir).map((name) => [
      name,
      readFileSync(path.join(dir, name), 'utf8'),
    ]),
  );
}

describe('nhi-policy runbook (bundle)', () => {
  it('writes the committed example pages, whatever the time zone', () => {
    const expected = pages(EXAMPLES);
    for (const tz of ['Pacific/Auckland', 'America/Los_Angeles']) {
      const root = copyExamples();
      rmSync(path.join(root, 'runbooks'), { recursive: true });
      const { code, out } = run(['runbook', root, '--today', TODAY], tz);
      expect(code).toBe(0);
      expect(out.split('\n')[0]).toBe(
        'Wrote 42 runbook pages to runbooks/: 42 changed, 0 unchanged, 0 removed.',
      );
      expect(pages(root)).toEqual(expected);
    }
  });

  it('changes nothing on a second run, and says what is due', () => {
    const root = copyExamples();
    const { out } = run(['runbook', root, '--today', TODAY]);
    expect(out).toBe(
      'Wrote 42 runbook pages to runbooks/: 0 changed, 42 unchanged, 0 removed.\n' +
        'Due on or before 2026-12-01 (UTC, from --today): 4 identities have a task (dk-legacy-ansible-playbooks-pull, mu-jira-sandbox-sync, key-adyen-payouts-reporting, svc-payments-settlement-exporter); "Next due" in runbooks/README.md says what each needs.\n',
    );
  });

  it("says when the date is this computer's", () => {
    const root = copyExamples();
    const { out } = run(['runbook', root]);
    expect(out.split('\n')[1]).toMatch(
      /^Due on or before today, \d{4}-\d{2}-\d{2} \(UTC, from this computer's clock; give --today YYYY-MM-DD for another day\): \d+ identit/,
    );
  });

  it('removes the page of a deleted identity, and keeps pages it did not write', () => {
    const root = copyExamples();
    rmSync(
      path.join(root, 'identities/release-engineering/bot-merge-robot.yaml'),
    );
    writeFileSync(path.join(root, 'runbooks/our-notes.md'), '# Notes\n');
    const { code, out } = run(['runbook', root, '--today', TODAY]);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe(
      'Wrote 41 runbook pages to runbooks/: 1 changed, 40 unchanged, 1 removed.',
    );
    expect(Object.keys(pages(root))).toContain('our-notes.md');
    expect(Object.keys(pages(root))).not.toContain('bot-merge-robot.md');
  });

  it('refuses to overwrite a file it did not write', () => {
    const root = copyExamples();
    writeFileSync(path.join(root, 'runbooks/README.md'), '# Our runbooks\n');
    const before = pages(root);
    const { code, err } = run(['runbook', root, '--today', TODAY]);
    expect(code).toBe(2);
    expect(pages(root)).toEqual(before);
    expect(err).toBe(
      `nhi-policy: ${path.join(root, 'runbooks', 'README.md')} exists and was not written by nhi-policy: move it out of the runbooks folder, then run the command again\n`,
    );
  });

  it('leaves the findings on the examples as they were, with no NHI-210', () => {
    const { code, out } = run(['check', EXAMPLES, '--today', TODAY]);
    expect(code).toBe(1);
    expect(out).not.toContain('NHI-210');
    expect(out.trimEnd().split('\n').at(-1)).toBe(
      'Checked 41 identity files (41 found) on 2026-12-01: 6 errors, 2 warnings, 0 notes (1 waived).',
    );
  });
});
