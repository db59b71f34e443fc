import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { renderAll } from '../helpers/reports.js';
import {
  IDENTITY,
  briefs,
  check,
  checkDir,
  fixture,
  makeInventory,
} from '../helpers/inventory.js';

/** Rotated 122 days before 2026-12-01 with a 90-day interval. */
const OVERDUE = fixture('identities/clean-service-account.yaml').replace(
  'lastRotated: 2026-10-01',
  'lastRotated: 2026-08-01',
);
const OVERDUE_MESSAGE =
  'credentials[0].lastRotated "2026-08-01" is 122 days ago; the limit is 90 days, reached on 2026-10-30';
const WAIVER = 'waivers/svc-billing-report-reader-nhi-141.yaml';

function waiver(
  rule: string,
  expires: string,
  identity = 'svc-billing-report-reader',
) {
  return [
    'schemaVersion: 1',
    `rule: ${rule}`,
    `identity: ${identity}`,
    'reason: The vendor rotates this key on its own schedule until the migration.',
    'approvedBy: grace-nakamura',
    `expires: ${expires}`,
    '',
  ].join('\n');
}

describe('an active waiver', () => {
  const files = {
    [IDENTITY]: OVERDUE,
    [WAIVER]: waiver('NHI-141', '2026-12-01'),
  };

  it('marks the finding waivedBy, up to and including its expiry date', () => {
    const report = check(files);
    expect(report.findings).toEqual([
      expect.objectContaining({
        ruleId: 'NHI-141',
        file: IDENTITY,
        line: 15,
        column: 5,
        message: OVERDUE_MESSAGE,
        waivedBy: WAIVER,
      }),
    ]);
  });

  it('lets the CLI exit 0 and say the finding is waived', () => {
    const root = makeInventory(files);
    const result = runCli(['check', root, '--today', '2026-12-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `  15:5    waived  NHI-141  ${OVERDUE_MESSAGE} (waived by ${WAIVER})`,
    );
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(
      'Checked 1 identity file (1 found) on 2026-12-01: 0 errors, 0 warnings, 0 notes (1 waived).',
    );
  });

  it('shows waived, not the severity, in markdown; JSON keeps the severity', () => {
    const reports = renderAll(check(files));
    expect(reports.markdown).toContain(
      `| 15:5 | ⚪ waived (by waivers/svc\\-billing\\-report\\-reader\\-nhi\\-141\\.yaml) | NHI-141 |`,
    );
    expect(reports.markdown).not.toContain('🔴');
    const json = JSON.parse(reports.json ?? '') as {
      findings: { severity: string; waivedBy: string }[];
    };
    expect(json.findings[0]).toMatchObject({
      severity: 'error',
      waivedBy: WAIVER,
    });
  });
});

describe('an expired waiver', () => {
  const files = {
    [IDENTITY]: OVERDUE,
    [WAIVER]: waiver('NHI-141', '2026-11-30'),
  };

  it('stops applying the day after expiry and is reported with NHI-201', () => {
    const report = check(files);
    expect(briefs(report)).toEqual([
      { rule: 'NHI-141', at: `${IDENTITY}:15:5`, message: OVERDUE_MESSAGE },
      {
        rule: 'NHI-201',
        at: `${WAIVER}:1:1`,
        message:
          'the waiver of NHI-141 for "svc-billing-report-reader" expired on 2026-11-30; the rule applies again',
      },
    ]);
    expect(report.findings.map((f) => f.waivedBy)).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('makes the CLI exit 1 again', () => {
    const root = makeInventory(files);
    expect(runCli(['check', root, '--today', '2026-12-01']).code).toBe(1);
  });
});

describe('waivers that cannot apply', () => {
  it('refuses a waiver of NHI-131 with NHI-200; the secret finding stays', () => {
    const token = ['gh', 'p_', 'Zq7'.repeat(12)].join('');
    const text = fixture('identities/clean-service-account.yaml').replace(
      'status: active',
      `status: active # ${token}`,
    );
    const report = check({
      [IDENTITY]: text,
      'waivers/secret.yaml': waiver('NHI-131', '2027-06-30'),
    });
    expect(briefs(report)).toEqual([
      {
        rule: 'NHI-131',
        at: `${IDENTITY}:5:18`,
        message:
          'this line holds what looks like a GitHub token; the value is not shown here',
      },
      {
        rule: 'NHI-200',
        at: 'waivers/secret.yaml:1:1',
        message: 'rule NHI-131 cannot be waived: fix the identity instead',
      },
    ]);
    expect(report.findings[0]?.waivedBy).toBeUndefined();
  });

  it('refuses a waiver naming a rule or identity that does not exist', () => {
    const report = check({
      [IDENTITY]: OVERDUE,
      'waivers/no-rule.yaml': waiver('NHI-999', '2027-06-30'),
      'waivers/no-identity.yaml': waiver(
        'NHI-141',
        '2027-06-30',
        'svc-billing-report-reeder',
      ),
    });
    expect(briefs(report)).toEqual([
      { rule: 'NHI-141', at: `${IDENTITY}:15:5`, message: OVERDUE_MESSAGE },
      {
        rule: 'NHI-200',
        at: 'waivers/no-identity.yaml:1:1',
        message:
          'identity "svc-billing-report-reeder" does not exist: fix the id or delete the waiver',
      },
      {
        rule: 'NHI-200',
        at: 'waivers/no-rule.yaml:1:1',
        message: 'rule NHI-999 does not exist: check the rule id in the report',
      },
    ]);
  });

  it('reports each missing field of a broken waiver at the waiver file', () => {
    const report = checkDir(
      makeInventory({
        [IDENTITY]: fixture('identities/clean-service-account.yaml'),
        'waivers/half.yaml': 'schemaVersion: 1\nrule: NHI-141\n',
      }),
    );
    expect(briefs(report).map((b) => `${b.rule} ${b.at} ${b.message}`)).toEqual(
      [
        'NHI-200 waivers/half.yaml:1:1 identity is missing',
        'NHI-200 waivers/half.yaml:1:1 reason is missing',
        'NHI-200 waivers/half.yaml:1:1 approvedBy is missing',
        'NHI-200 waivers/half.yaml:1:1 expires is missing',
      ],
    );
  });
});
