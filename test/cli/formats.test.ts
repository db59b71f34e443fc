import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { IDENTITY, fixture, makeInventory } from '../helpers/inventory.js';

const TODAY = ['--today', '2026-12-01'];
const MESSAGE =
  'credentials[0].rotation.intervalDays is written with a leading zero; it reads as 30, but some tools read it as octal: remove the zero';
const FIX =
  'Remove the leading zero (write 30, not 030). YAML 1.2 reads 030 as thirty, but older tools read it as octal twenty-four.';
const ESCAPE = '\u001b[';

function warningInventory(): string {
  return makeInventory({
    [IDENTITY]: fixture('identities/leading-zero-interval.yaml'),
  });
}

describe('text', () => {
  it('prints file, line:column, severity, rule, message, fix and the tally last', () => {
    expect(runCli(['check', warningInventory(), ...TODAY]).stdout).toBe(
      [
        IDENTITY,
        `  17:21   warning NHI-004  ${MESSAGE}`,
        `          fix: ${FIX}`,
        '',
        'Checked 1 identity file (1 found) on 2026-12-01: 0 errors, 1 warning, 0 notes.',
        '',
      ].join('\n'),
    );
  });

  it('has no colour when stdout is not a terminal, even with TERM set', () => {
    const result = runCli(['check', warningInventory(), ...TODAY], {
      TERM: 'xterm-256color',
    });
    expect(result.stdout).not.toContain(ESCAPE);
  });

  it('has colour only when forced with --color', () => {
    const result = runCli(['check', warningInventory(), ...TODAY, '--color']);
    expect(result.stdout).toContain(`${ESCAPE}33mwarning${ESCAPE}39m`);
  });
});

describe('json', () => {
  it('gives the verdict, counts, files and each finding', () => {
    const result = runCli([
      'check',
      warningInventory(),
      ...TODAY,
      '--format',
      'json',
    ]);
    expect(JSON.parse(result.stdout)).toEqual({
      version: 1,
      today: '2026-12-01',
      result: 'pass',
      counts: { error: 0, warning: 1, note: 0, waived: 0 },
      files: { found: 1, checked: 1, skipped: [] },
      findings: [
        {
          ruleId: 'NHI-004',
          severity: 'warning',
          file: IDENTITY,
          line: 17,
          column: 21,
          pointer: '/credentials/0/rotation/intervalDays',
          message: MESSAGE,
          remediation: FIX,
        },
      ],
    });
  });

  it('says fail when --fail-on warning makes the warning fail', () => {
    const result = runCli([
      'check',
      warningInventory(),
      ...TODAY,
      '--format',
      'json',
      '--fail-on',
      'warning',
    ]);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as { result: string }).result).toBe(
      'fail',
    );
  });
});

describe('markdown', () => {
  it('gives the verdict, then a table per file with escaped text', () => {
    const lines = runCli([
      'check',
      warningInventory(),
      ...TODAY,
      '--format',
      'markdown',
    ]).stdout.split('\n');
    expect(lines.slice(0, 9)).toEqual([
      '## ✅ nhi-policy: all identity files comply',
      '',
      'Checked 1 identity file on 2026-12-01: 0 errors, 1 warning, 0 notes.',
      '',
      '### identities/svc\\-billing\\-report\\-reader\\.yaml',
      '',
      '| Line | Severity | Rule | Problem | How to fix |',
      '| ---: | --- | --- | --- | --- |',
      '| 17:21 | 🟡 warning | NHI-004 | credentials\\[0\\]\\.rotation\\.intervalDays is written with a leading zero; it reads as 30, but some tools read it as octal: remove the zero | Remove the leading zero \\(write 30, not 030\\)\\. YAML 1\\.2 reads 030 as thirty, but older tools read it as octal twenty\\-four\\. |',
    ]);
  });
});

describe('sarif', () => {
  it('places each result at its file, line and column', () => {
    const result = runCli([
      'check',
      warningInventory(),
      ...TODAY,
      '--format',
      'sarif',
    ]);
    const sarif = JSON.parse(result.stdout) as {
      version: string;
      runs: { results: unknown[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results).toEqual([
      expect.objectContaining({
        ruleId: 'NHI-004',
        level: 'warning',
        message: { text: `${MESSAGE}. Fix: ${FIX}` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: IDENTITY, uriBaseId: '%SRCROOT%' },
              region: { startLine: 17, startColumn: 21 },
            },
            logicalLocations: [
              {
                fullyQualifiedName: '/credentials/0/rotation/intervalDays',
                kind: 'member',
              },
            ],
          },
        ],
      }),
    ]);
  });
});

describe('Y8 emoji reach every format unchanged', () => {
  it.each(['text', 'json', 'sarif', 'markdown'])('%s', (format) => {
    const root = makeInventory({
      'nhi-policy.yaml':
        'schemaVersion: 1\npolicies:\n  paths: [org-policies]\n',
      'org-policies/display-name-short.json': JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        'x-nhi-rule': {
          id: 'NHI-900',
          name: 'display-name-short',
          severity: 'error',
          title: 'Display names fit on a badge',
          remediation: 'Shorten the display name to five characters.',
          controls: {},
        },
        properties: { displayName: { maxLength: 5 } },
      }),
      [IDENTITY]: fixture('identities/emoji-display-name.yaml'),
    });
    const result = runCli(['check', root, ...TODAY, '--format', format]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('👩‍💻abc');
    expect(result.stdout).toContain('is 6 characters long');
  });
});
