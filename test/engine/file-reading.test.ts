import { describe, expect, it } from 'vitest';
import {
  IDENTITY,
  briefs,
  check,
  checkFixture,
  fixture,
} from '../helpers/inventory.js';

const CLEAN = fixture('identities/clean-service-account.yaml');

describe('size limit', () => {
  const config = 'schemaVersion: 1\ninventory:\n  maxFileBytes: 1024\n';

  it('refuses a file over maxFileBytes with NHI-003, unread', () => {
    // Padded past the limit with a comment; the date error inside must not
    // be reported, since the file is never parsed.
    const text =
      CLEAN.replace('2026-10-01', '2026-02-30') + `# ${'x'.repeat(1000)}\n`;
    expect(Buffer.byteLength(text)).toBe(1543);
    expect(
      briefs(check({ 'nhi-policy.yaml': config, [IDENTITY]: text })),
    ).toEqual([
      {
        rule: 'NHI-003',
        at: `${IDENTITY}:1:1`,
        message:
          'the file is 1543 bytes; the limit is 1024 bytes: an identity file holds one identity',
      },
    ]);
  });

  it('reads a file of exactly maxFileBytes', () => {
    const text =
      CLEAN + `#${'x'.repeat(1024 - Buffer.byteLength(CLEAN) - 2)}\n`;
    expect(Buffer.byteLength(text)).toBe(1024);
    expect(
      check({ 'nhi-policy.yaml': config, [IDENTITY]: text }).findings,
    ).toEqual([]);
  });
});

describe('one YAML document per file', () => {
  it('reports an empty file at line 1', () => {
    expect(briefs(checkFixture('empty.yaml'))).toEqual([
      {
        rule: 'NHI-001',
        at: `${IDENTITY}:1:1`,
        message:
          "the file is empty: write the identity's fields, or delete the file",
      },
    ]);
  });

  it('reports a file holding only comments as empty', () => {
    expect(briefs(checkFixture('comments-only.yaml'))).toEqual([
      {
        rule: 'NHI-001',
        at: `${IDENTITY}:1:1`,
        message:
          "the file is empty: write the identity's fields, or delete the file",
      },
    ]);
  });

  it('reports a second document at the line of its ---', () => {
    expect(briefs(checkFixture('two-documents.yaml'))).toEqual([
      {
        rule: 'NHI-001',
        at: `${IDENTITY}:12:1`,
        message:
          'the file holds more than one YAML document (a second "---"): keep one identity per file',
      },
    ]);
  });

  it('reports a list at the top instead of a mapping', () => {
    expect(briefs(check({ [IDENTITY]: '- id: a\n- id: b\n' }))).toEqual([
      {
        rule: 'NHI-001',
        at: `${IDENTITY}:1:1`,
        message:
          'the file must be a mapping of fields (key: value), not a list',
      },
    ]);
  });
});

describe('YAML refusals', () => {
  it('reports a duplicate key at the second key’s line', () => {
    expect(briefs(checkFixture('duplicate-key.yaml'))).toEqual([
      {
        rule: 'NHI-001',
        at: `${IDENTITY}:10:1`,
        message:
          'the key "status" appears twice in the same mapping: keep one and delete the other',
      },
    ]);
  });

  it('refuses a custom tag at its position', () => {
    expect(briefs(checkFixture('unknown-tag.yaml'))).toEqual([
      {
        rule: 'NHI-001',
        at: `${IDENTITY}:5:9`,
        message:
          'the file uses a YAML tag (!name) that nhi-policy does not read: remove the tag and write a plain value',
      },
    ]);
  });

  it('refuses nesting deeper than 64 levels', () => {
    const deep = `labels: ${'['.repeat(65)}${']'.repeat(65)}\n`;
    expect(briefs(check({ [IDENTITY]: deep }))).toEqual([
      {
        rule: 'NHI-001',
        at: `${IDENTITY}:1:72`,
        message: 'nesting is deeper than 64 levels: flatten the file',
      },
    ]);
  });

  it('refuses more than 100 aliases', () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: [${Array(101).fill('*a').join(', ')}]\n`;
    // The 101st alias, the first past the limit, starts at column 405;
    // js-yaml marks it at its name, one column on.
    expect(briefs(check({ [IDENTITY]: bomb }))).toEqual([
      {
        rule: 'NHI-001',
        at: `${IDENTITY}:2:406`,
        message: 'more than 100 aliases (*name): write the values out',
      },
    ]);
  });

  it('still checks the other files when one is broken', () => {
    const report = check({
      [IDENTITY]: fixture('identities/tab-indent.yaml'),
      'identities/svc-billing-ledger-export.yaml': fixture(
        'identities/impossible-date.yaml',
      ).replace('svc-billing-report-reader', 'svc-billing-ledger-export'),
    });
    expect(
      report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`),
    ).toEqual([
      'NHI-010 identities/svc-billing-ledger-export.yaml:15',
      `NHI-001 ${IDENTITY}:9`,
    ]);
  });
});
