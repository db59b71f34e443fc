import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { IDENTITY, fixture, makeInventory } from '../helpers/inventory.js';

/**
 * The SARIF 2.1.0 schema (rtm.5, the version GitHub code scanning cites) as
 * published by OASIS and shipped in @microsoft/jest-sarif. It is written
 * for draft-04 but uses nothing that draft-07 reads differently (no boolean
 * exclusiveMinimum), so it compiles as draft-07 once its draft-04 `id` and
 * `$schema` are taken off.
 */
function compileSarifSchema() {
  const require = createRequire(import.meta.url);
  const file =
    require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { $schema, id, ...schema } = JSON.parse(
    readFileSync(file, 'utf8'),
  ) as Record<string, unknown>;
  expect($schema).toBe('http://json-schema.org/draft-04/schema#');
  expect(id).toMatch(/sarif-2\.1\.0-rtm\.5\.json$/);
  // Its `language` pattern has a stray `]` that is only legal without
  // the regular expressions' unicode flag, as draft-04 validators read it.
  const ajv = new Ajv.default({
    allErrors: true,
    strict: false,
    unicodeRegExp: false,
  });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

const validate = compileSarifSchema();

function sarifOf(files: Record<string, string>): unknown {
  const root = makeInventory(files);
  const result = runCli([
    'check',
    root,
    '--today',
    '2026-12-01',
    '--format',
    'sarif',
  ]);
  return JSON.parse(result.stdout);
}

describe('SARIF output is valid SARIF 2.1.0', () => {
  it('with errors, warnings, pointers and a waived (suppressed) result', () => {
    const sarif = sarifOf({
      [IDENTITY]: fixture('identities/four-problems.yaml').replace(
        'rotation: { intervalDays: 0 }',
        'rotation: { intervalDays: 030 }',
      ),
      'identities/svc-billing-ledger-export.yaml': fixture(
        'identities/clean-service-account.yaml',
      )
        .replace('svc-billing-report-reader', 'svc-billing-ledger-export')
        .replace('kv/billing/report-reader', 'kv/billing/ledger-export')
        .replace('lastRotated: 2026-10-01', 'lastRotated: 2026-08-01'),
      'waivers/ledger-export-nhi-141.yaml': [
        'schemaVersion: 1',
        'rule: NHI-141',
        'identity: svc-billing-ledger-export',
        'reason: The vendor rotates this key on its own schedule.',
        'approvedBy: grace-nakamura',
        'expires: 2027-01-31',
        '',
      ].join('\n'),
    }) as { runs: { results: { level: string; suppressions?: unknown }[] }[] };

    expect(validate(sarif)).toBe(true);
    expect(validate.errors).toBeNull();
    const results = sarif.runs[0]?.results ?? [];
    expect(results.map((r) => r.level)).toEqual([
      'error',
      'error',
      'error',
      'error',
      'warning',
    ]);
    expect(results.filter((r) => r.suppressions).length).toBe(1);
  });

  it('with no findings at all', () => {
    const sarif = sarifOf({
      [IDENTITY]: fixture('identities/clean-service-account.yaml'),
    });
    expect(validate(sarif)).toBe(true);
  });

  it('and the schema does reject a broken log', () => {
    const sarif = sarifOf({
      [IDENTITY]: fixture('identities/impossible-date.yaml'),
    }) as { runs: { results: { level: string }[] }[] };
    const result = sarif.runs[0]?.results[0];
    if (result) result.level = 'fatal';
    expect(validate(sarif)).toBe(false);
  });
});
