import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixture, makeInventory } from '../helpers/inventory.js';

describe('places the CLI cannot use', () => {
  it('says the inventory folder does not exist, with exit code 2', () => {
    const missing = path.join(makeInventory({}), 'no-such-folder');
    const { code, stderr } = runCli(['check', missing]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `nhi-policy: ${missing} is not a folder: name the folder that holds the inventory (with nhi-policy.yaml and owners.yaml)\n`,
    );
  });

  it('says a report cannot be written, with exit code 2 and no stack trace', () => {
    const root = makeInventory({
      'identities/svc-billing-report-reader.yaml': fixture(
        'identities/clean-service-account.yaml',
      ),
    });
    mkdirSync(path.join(root, 'reports'));
    const target = path.join(root, 'missing', 'report.json');
    const { code, stderr } = runCli([
      'check',
      root,
      '--today',
      '2026-12-01',
      '--format',
      'json',
      '--output',
      target,
    ]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `nhi-policy: cannot write the report to ${target} (ENOENT): name a file in a folder that exists\n`,
    );
  });

  it('prints a file name with a line break as one inert line', () => {
    const root = makeInventory({
      'identities/svc-a\n::error title=x::y.yaml': fixture(
        'identities/clean-service-account.yaml',
      ),
    });
    const { stdout } = runCli(['check', root, '--today', '2026-12-01']);
    expect(stdout.split('\n').some((line) => line.startsWith('::'))).toBe(
      false,
    );
    expect(stdout).toContain('identities/svc-a?::error title=x::y.yaml');
  });
});
