import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/model/config-error.js';
import {
  IDENTITY,
  briefs,
  check,
  checkFixture,
  fixture,
} from '../helpers/inventory.js';

describe('M1 every problem at once', () => {
  it('reports the missing field, empty owner, impossible date and zero interval, each on its own line', () => {
    expect(briefs(checkFixture('four-problems.yaml'))).toEqual([
      {
        rule: 'NHI-010',
        at: `${IDENTITY}:1:1`,
        message:
          'purpose is missing: say in one sentence what the identity does and why it exists',
      },
      {
        rule: 'NHI-010',
        at: `${IDENTITY}:7:1`,
        message:
          'owner is empty: name the owning team and the accountable person from owners.yaml',
      },
      {
        rule: 'NHI-010',
        at: `${IDENTITY}:14:5`,
        message:
          'credentials[0].lastRotated "2026-02-30" is not a real date: write an existing date as YYYY-MM-DD',
      },
      {
        rule: 'NHI-010',
        at: `${IDENTITY}:15:17`,
        message:
          'credentials[0].rotation.intervalDays is 0; it must be at least 1: write a whole number of days, at least 1',
      },
    ]);
  });
});

describe('M2 empty value', () => {
  it('reports `owner:` with nothing after it at that line, in plain words', () => {
    expect(briefs(checkFixture('empty-owner.yaml'))).toEqual([
      {
        rule: 'NHI-010',
        at: `${IDENTITY}:9:1`,
        message:
          'owner is empty: name the owning team and the accountable person from owners.yaml',
      },
    ]);
  });
});

describe('M3 a wrong policy file is not the author’s fault', () => {
  const policy = (schema: string, purpose: Record<string, unknown>) =>
    JSON.stringify({
      $schema: schema,
      'x-nhi-rule': {
        id: 'NHI-900',
        name: 'purpose-short',
        severity: 'error',
        title: 'Purposes are short',
        remediation: 'Shorten the purpose to one sentence.',
        controls: {},
      },
      properties: { purpose: purpose },
    });
  const inventory = (policyText: string) => ({
    'nhi-policy.yaml': 'schemaVersion: 1\npolicies:\n  paths: [org-policies]\n',
    'org-policies/purpose-short.json': policyText,
    [IDENTITY]: fixture('identities/clean-service-account.yaml'),
  });
  const configError = (files: Record<string, string>) => {
    try {
      check(files);
    } catch (error) {
      return error;
    }
    throw new Error('the check did not throw');
  };
  const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';

  it('makes an unknown keyword a ConfigError naming the policy file', () => {
    const error = configError(
      inventory(policy(DRAFT_2020, { maxLenght: 200 })),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).describe()).toBe(
      'org-policies/purpose-short.json: the policy is not a valid JSON Schema: strict mode: unknown keyword: "maxLenght"',
    );
  });

  it('makes a policy declaring draft-07 a ConfigError naming the policy file', () => {
    const error = configError(
      inventory(
        policy('http://json-schema.org/draft-07/schema#', { maxLength: 200 }),
      ),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).describe()).toBe(
      'org-policies/purpose-short.json: the policy declares "http://json-schema.org/draft-07/schema#"; ' +
        'nhi-policy loads JSON Schema 2020-12 only: set "$schema" to "https://json-schema.org/draft/2020-12/schema"',
    );
  });

  it('runs the same policy, spelt right, as a rule against the identity', () => {
    const report = check(inventory(policy(DRAFT_2020, { maxLength: 20 })));
    expect(briefs(report)).toEqual([
      {
        rule: 'NHI-900',
        at: `${IDENTITY}:4:1`,
        message:
          'purpose "Reads billing reports for the monthly cost review." is 50 characters long; it must be at most 20 characters (characters are counted as Unicode code points: a letter is one, an emoji is one or more)',
      },
    ]);
  });
});

describe('typos get one precise suggestion', () => {
  it('gives ONE finding for kind: servce-account, with did you mean', () => {
    expect(briefs(checkFixture('kind-typo.yaml'))).toEqual([
      {
        rule: 'NHI-010',
        at: `${IDENTITY}:3:1`,
        message:
          'kind "servce-account" is not allowed; did you mean "service-account"?',
      },
    ]);
  });

  it('suggests the known field for an unknown field typo', () => {
    expect(briefs(checkFixture('field-typo.yaml'))).toEqual([
      {
        rule: 'NHI-010',
        at: `${IDENTITY}:1:1`,
        message:
          'purpose is missing: say in one sentence what the identity does and why it exists',
      },
      {
        rule: 'NHI-010',
        at: `${IDENTITY}:4:1`,
        message:
          'the file has an unknown field "purpse"; did you mean "purpose"?',
      },
    ]);
  });
});
