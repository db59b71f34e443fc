import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { IDENTITY, fixture, makeInventory } from '../helpers/inventory.js';

const TODAY = ['--today', '2026-12-01'];

function inventory(name: string, extra: Record<string, string> = {}): string {
  return makeInventory({ [IDENTITY]: fixture(`identities/${name}`), ...extra });
}

describe('exit codes', () => {
  it('0 for a clean inventory', () => {
    const root = inventory('clean-service-account.yaml');
    expect(runCli(['check', root, ...TODAY])).toEqual({
      code: 0,
      stdout:
        'Checked 1 identity file (1 found) on 2026-12-01: 0 errors, 0 warnings, 0 notes.\n',
      stderr: '',
    });
  });

  it('1 for an error finding', () => {
    const result = runCli([
      'check',
      inventory('impossible-date.yaml'),
      ...TODAY,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
  });

  it('0 for a warning only, by default', () => {
    const root = inventory('leading-zero-interval.yaml');
    expect(runCli(['check', root, ...TODAY]).code).toBe(0);
  });

  it('1 for a warning only with --fail-on warning', () => {
    const root = inventory('leading-zero-interval.yaml');
    expect(runCli(['check', root, ...TODAY, '--fail-on', 'warning']).code).toBe(
      1,
    );
  });

  it('1 for a warning only with failOn: warning in nhi-policy.yaml', () => {
    const root = inventory('leading-zero-interval.yaml', {
      'nhi-policy.yaml': 'schemaVersion: 1\nfailOn: warning\n',
    });
    expect(runCli(['check', root, ...TODAY]).code).toBe(1);
  });

  it('0 for errors with --fail-on never, findings still printed', () => {
    const root = inventory('impossible-date.yaml');
    const result = runCli(['check', root, ...TODAY, '--fail-on', 'never']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('15:5    error   NHI-010');
  });

  it('2 and the usage for an unknown format', () => {
    const root = inventory('clean-service-account.yaml');
    const result = runCli(['check', root, '--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(
      'nhi-policy: --format must be one of text, json, sarif, markdown, not "xml"',
    );
  });

  it.each([
    ['2026-13-01', '--today must be a date as YYYY-MM-DD, not "2026-13-01"'],
    ['tomorrow', '--today must be a date as YYYY-MM-DD, not "tomorrow"'],
    ['01/12/2026', '--today must be a date as YYYY-MM-DD, not "01/12/2026"'],
    ['2026-02-30', '--today "2026-02-30" is not a real date'],
  ])('2 for --today %s', (today, message) => {
    const root = inventory('clean-service-account.yaml');
    const result = runCli(['check', root, '--today', today]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(`nhi-policy: ${message}`);
  });
});

describe('M3 a broken policy stops the check with exit 2', () => {
  it('names the policy file and reports nothing against the identity', () => {
    const policy = JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      'x-nhi-rule': {
        id: 'NHI-900',
        name: 'purpose-short',
        severity: 'error',
        title: 'Purposes are short',
        remediation: 'Shorten the purpose to one sentence.',
        controls: {},
      },
      properties: { purpose: { maxLenght: 200 } },
    });
    const root = inventory('impossible-date.yaml', {
      'nhi-policy.yaml':
        'schemaVersion: 1\npolicies:\n  paths: [org-policies]\n',
      'org-policies/purpose-short.json': policy,
    });
    expect(runCli(['check', root, ...TODAY])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'nhi-policy: configuration error: org-policies/purpose-short.json: the policy is not a valid JSON Schema: strict mode: unknown keyword: "maxLenght"\n',
    });
  });
});
