import { symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditInventory } from '../../src/audit/audit-inventory.js';
import { loadWorkspace } from '../../src/config/workspace.js';
import { FsSource } from '../../src/load/fs-source.js';
import { ConfigError } from '../../src/model/config-error.js';
import {
  IDENTITY,
  briefs,
  check,
  checkDir,
  fixture,
  makeInventory,
} from '../helpers/inventory.js';

const CLEAN = fixture('identities/clean-service-account.yaml');

/** A token-shaped value built at run time, so the repository holds none. */
const TOKEN = `gh${'p_'}${'Zq7Lk2Vb9Xw4Rt8Mn3Pd6Hs1Jf5Gc0Ya2Ue'}`;

function workspaceError(files: Record<string, string>): string {
  try {
    loadWorkspace(new FsSource(makeInventory(files)));
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).describe();
  }
  throw new Error('expected a configuration error');
}

describe('limits that hold on hostile files', () => {
  it('refuses aliases that expand a small file to billions of values', () => {
    const lines = ['schemaVersion: 1', 'a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) {
      const [name, previous] = [
        String.fromCharCode(97 + i),
        String.fromCharCode(96 + i),
      ];
      lines.push(
        `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`,
      );
    }
    const report = check({
      [IDENTITY]: `${lines.join('\n')}\n`,
      'identities/svc-billing-other-reader.yaml': CLEAN.replace(
        'svc-billing-report-reader',
        'svc-billing-other-reader',
      ).replace('kv/billing/report-reader', 'kv/billing/other'),
    });
    expect(briefs(report)).toEqual([
      {
        rule: 'NHI-001',
        at: `${IDENTITY}:1:1`,
        message:
          'aliases (*name) expand this file to more than 100000 values: write the values out instead of nesting aliases',
      },
    ]);
  });

  it('scans a 200,000-character word for secrets without stalling', () => {
    const long = CLEAN.replace(
      'purpose: Reads billing reports for the monthly cost review.',
      `purpose: ${'k'.repeat(200_000)}`,
    );
    const report = checkDir(makeInventory({ [IDENTITY]: long }));
    expect(report.findings.map((f) => f.ruleId)).toEqual(['NHI-010']);
  });

  it('finds a password in a URL whatever the case of its scheme', () => {
    const url = `HTTPS://deploy:${'hunter'}2x@git.example.invalid/repo`;
    const report = check({
      [IDENTITY]: CLEAN.replace(
        'system: { provider: gcp, account: acme-billing-dev }',
        `system: { provider: gcp, account: acme-billing-dev, console: '${url}' }`,
      ),
    });
    expect(report.findings.map((f) => [f.ruleId, f.line])).toEqual([
      ['NHI-131', 7],
    ]);
  });

  it('reports a file whose name looks like a secret, without the name in the message', () => {
    const file = `identities/${TOKEN}.yaml`;
    const report = check({ [file]: CLEAN });
    const secret = report.findings.find((f) => f.ruleId === 'NHI-131');
    expect(secret?.message).toBe(
      'the file name looks like a secret: revoke it, then rename the file to the identity id',
    );
  });
});

describe('configuration that would weaken the check', () => {
  it('refuses a rule setting that names no rule', () => {
    expect(
      workspaceError({
        'nhi-policy.yaml':
          'schemaVersion: 1\npolicies:\n  rules:\n    NHI-999: { enabled: false }\n',
      }),
    ).toBe(
      'nhi-policy.yaml: policies.rules names NHI-999, which is not a rule: check the id in docs/rules.md',
    );
  });

  it('refuses switching off secret detection', () => {
    expect(
      workspaceError({
        'nhi-policy.yaml':
          'schemaVersion: 1\npolicies:\n  rules:\n    NHI-131: { severity: note }\n',
      }),
    ).toBe(
      'nhi-policy.yaml: policies.rules cannot switch off or lower NHI-131: it keeps files readable, well-formed and free of secrets',
    );
  });

  it('refuses a configuration file that is a link', () => {
    const root = makeInventory({
      'elsewhere.yaml': 'schemaVersion: 1\nfailOn: never\n',
    });
    symlinkSync(
      path.join(root, 'elsewhere.yaml'),
      path.join(root, 'nhi-policy.yaml'),
    );
    expect(() => loadWorkspace(new FsSource(root))).toThrow(
      'cannot read the file: it is a symbolic link, and links are never followed',
    );
  });

  it('refuses an owners registry reached through a linked folder', () => {
    const root = makeInventory({
      'real/owners.yaml': fixture('owners.yaml'),
      'nhi-policy.yaml': 'schemaVersion: 1\nowners: linked/owners.yaml\n',
    });
    symlinkSync(path.join(root, 'real'), path.join(root, 'linked'));
    expect(() => loadWorkspace(new FsSource(root))).toThrow(
      'linked is a symbolic link',
    );
  });
});

describe('waivers', () => {
  const overdue = CLEAN.replace(
    'lastRotated: 2026-10-01',
    'lastRotated: 2026-08-01',
  );
  const waiver = (approvedBy: string, expires: string) =>
    [
      'schemaVersion: 1',
      'rule: NHI-141',
      'identity: svc-billing-report-reader',
      'reason: The vendor rotates this key on its own schedule.',
      `approvedBy: ${approvedBy}`,
      `expires: ${expires}`,
      '',
    ].join('\n');

  it('apply only when approved by a member of the security team', () => {
    const report = check({
      [IDENTITY]: overdue,
      'waivers/w.yaml': waiver('dana-whitfield', '2027-01-31'),
    });
    expect(briefs(report).map((b) => [b.rule, b.at])).toEqual([
      ['NHI-141', `${IDENTITY}:15:5`],
      ['NHI-200', 'waivers/w.yaml:1:1'],
    ]);
    expect(report.findings[1]?.message).toContain(
      'approvedBy "dana-whitfield" is not a member of team "security"',
    );
  });

  it('may not run for more than a year', () => {
    const report = check({
      [IDENTITY]: overdue,
      'waivers/w.yaml': waiver('grace-nakamura', '2999-01-01'),
    });
    expect(report.findings.map((f) => [f.ruleId, f.waivedBy])).toEqual([
      ['NHI-141', undefined],
      ['NHI-200', undefined],
    ]);
  });
});

describe('the audit', () => {
  it('never repeats a secret-shaped owner value', () => {
    const root = makeInventory({
      [IDENTITY]: CLEAN.replace('team: payments-platform', `team: ${TOKEN}`),
    });
    const source = new FsSource(root);
    const report = auditInventory(source, loadWorkspace(source), '2026-11-02');
    expect(JSON.stringify(report.items)).not.toContain(TOKEN);
    expect(report.items[0]?.title).toBe(
      'owner team (value hidden: it looks like a secret) is not in owners.yaml: name a real owning team',
    );
  });
});
