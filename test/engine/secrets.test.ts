import { describe, expect, it } from 'vitest';
import { IDENTITY, briefs, check, fixture } from '../helpers/inventory.js';
import { renderAll } from '../helpers/reports.js';

const CLEAN = fixture('identities/clean-service-account.yaml');

// Built at run time, so that the repository never holds a token-shaped
// literal for a scanner to flag: a GitHub classic token is ghp_ and 36
// letters or digits.
const TOKEN = ['gh', 'p_', 'Zq7'.repeat(12)].join('');

/** 32 distinct letters and digits: high entropy, no vendor prefix. */
const RANDOM = Array.from(
  { length: 32 },
  (_, i) =>
    'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[
      (i * 37 + 11) % 62
    ],
).join('');

const SECRET_MESSAGE =
  'this line holds what looks like a GitHub token; the value is not shown here';

/** Every rendered report, with the formats that contain `text`. */
function formatsContaining(text: string, files: Record<string, string>) {
  const rendered = renderAll(check(files));
  return Object.keys(rendered).filter((format) =>
    rendered[format]?.includes(text),
  );
}

describe('secret values fail and are never echoed', () => {
  it('fails a GitHub token in a value with NHI-131 at its position', () => {
    const text = CLEAN.replace(
      'purpose: Reads billing reports for the monthly cost review.',
      `purpose: Reads billing reports with ${TOKEN} as its key.`,
    );
    expect(briefs(check({ [IDENTITY]: text }))).toEqual([
      { rule: 'NHI-131', at: `${IDENTITY}:4:37`, message: SECRET_MESSAGE },
    ]);
  });

  it('keeps a token in a value out of every report format', () => {
    const text = CLEAN.replace(
      'ref: kv/billing/report-reader',
      `ref: ${TOKEN}`,
    );
    expect(formatsContaining('Zq7Zq7', { [IDENTITY]: text })).toEqual([]);
  });

  it('fails a token in a YAML comment and keeps it out of every report', () => {
    const text = CLEAN.replace(
      'status: active',
      `status: active # rotated from ${TOKEN}`,
    );
    expect(briefs(check({ [IDENTITY]: text }))).toEqual([
      { rule: 'NHI-131', at: `${IDENTITY}:5:31`, message: SECRET_MESSAGE },
    ]);
    expect(formatsContaining('Zq7Zq7', { [IDENTITY]: text })).toEqual([]);
  });

  it('keeps a token written as a field name out of every report', () => {
    const text = CLEAN.replace('status: active', `status: active\n${TOKEN}: x`);
    expect(briefs(check({ [IDENTITY]: text })).map((b) => b.rule)).toEqual([
      'NHI-010',
      'NHI-131',
    ]);
    expect(formatsContaining('Zq7Zq7', { [IDENTITY]: text })).toEqual([]);
  });

  it('keeps a token written twice as a key out of every report', () => {
    const text = CLEAN.replace(
      'status: active',
      `status: active\n${TOKEN}: x\n${TOKEN}: y`,
    );
    expect(briefs(check({ [IDENTITY]: text }))).toEqual([
      { rule: 'NHI-131', at: `${IDENTITY}:6:1`, message: SECRET_MESSAGE },
      {
        rule: 'NHI-001',
        at: `${IDENTITY}:7:1`,
        message:
          'the key appears twice in the same mapping: keep one and delete the other',
      },
      { rule: 'NHI-131', at: `${IDENTITY}:7:1`, message: SECRET_MESSAGE },
    ]);
    expect(formatsContaining('Zq7Zq7', { [IDENTITY]: text })).toEqual([]);
  });

  it('keeps a token under labels out of messages and pointers', () => {
    const text = CLEAN.replace(
      'status: active',
      `status: active\nlabels:\n  ${TOKEN}: 7`,
    );
    expect(formatsContaining('Zq7Zq7', { [IDENTITY]: text })).toEqual([]);
  });

  it('fails a random-looking token that matches no vendor shape', () => {
    const text = CLEAN.replace(
      'ref: kv/billing/report-reader',
      `ref: ${RANDOM}`,
    );
    expect(briefs(check({ [IDENTITY]: text }))).toEqual([
      {
        rule: 'NHI-131',
        at: `${IDENTITY}:14:32`,
        message:
          'credentials[0].storage.ref holds a random-looking token that may be a secret; the value is not shown here',
      },
    ]);
    expect(formatsContaining(RANDOM, { [IDENTITY]: text })).toEqual([]);
  });

  it('leaves ordinary ids, role names, paths and ARNs alone', () => {
    const text = CLEAN.replace(
      'system: { provider: gcp, account: acme-billing-dev }',
      [
        'system:',
        '  provider: aws',
        '  account: "123456789012"',
        '  resourceId: arn:aws:iam::123456789012:role/billing-report-reader',
        '  console: https://console.aws.amazon.com/iam/home#/roles/billing-report-reader',
      ].join('\n'),
    ).replace(
      'access: { privilege: read }',
      [
        'access:',
        '  privilege: read',
        '  scopes:',
        '    - arn:aws:s3:::acme-billing-reports-3f2c1a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b/*',
        '    - roles/bigquery.dataViewer',
      ].join('\n'),
    );
    expect(check({ [IDENTITY]: text }).findings).toEqual([]);
  });
});
