import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/model/config-error.js';
import { runCli } from '../helpers/cli.js';
import {
  IDENTITY,
  check,
  fixture,
  makeInventory,
} from '../helpers/inventory.js';

const CLEAN = fixture('identities/clean-service-account.yaml');

/** The ConfigError that checking these files throws. */
function configError(files: Record<string, string | null>): ConfigError {
  try {
    check({ [IDENTITY]: CLEAN, ...files });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the check did not throw');
}

const OWNERS_WITH_GHOST = [
  'schemaVersion: 1',
  'teams:',
  '  payments-platform:',
  '    name: Payments Platform',
  '    members:',
  '      - dana-whitfield',
  '      - ghost-member',
  'people:',
  '  dana-whitfield: { name: Dana Whitfield, github: dwhitfield }',
  '',
].join('\n');

describe('configuration errors name the file and line', () => {
  it('an unknown field in nhi-policy.yaml, with did you mean', () => {
    const error = configError({
      'nhi-policy.yaml':
        'schemaVersion: 1\ninventory:\n  roots: [identities]\n  ignre: [drafts/]\n',
    });
    expect([error.file, error.line]).toEqual(['nhi-policy.yaml', 4]);
    expect(error.describe()).toBe(
      'nhi-policy.yaml:4: inventory has an unknown field "ignre"; did you mean "ignore"?',
    );
  });

  it('a value nhi-policy.yaml does not allow', () => {
    expect(
      configError({
        'nhi-policy.yaml': 'schemaVersion: 1\nfailOn: sometimes\n',
      }).describe(),
    ).toBe(
      'nhi-policy.yaml:2: failOn "sometimes" is not allowed; use one of: error, warning, note, never',
    );
  });

  it('broken YAML in nhi-policy.yaml', () => {
    expect(
      configError({
        'nhi-policy.yaml':
          'schemaVersion: 1\ninventory:\n\troots: [identities]\n',
      }).describe(),
    ).toBe(
      'nhi-policy.yaml:3: a tab indents this line: indent with spaces, not tabs',
    );
  });

  it('an owners.yaml team member who is not declared', () => {
    const error = configError({ 'owners.yaml': OWNERS_WITH_GHOST });
    expect(error.describe()).toBe(
      'owners.yaml:7: team "payments-platform" lists member "ghost-member", who is not declared under people: add them or fix the name',
    );
  });

  it('a missing owners registry', () => {
    expect(configError({ 'owners.yaml': null }).describe()).toBe(
      'owners.yaml: the owners registry is missing: create it (see examples/owners.yaml) or set "owners" in the configuration',
    );
  });

  it('a policy folder that does not exist', () => {
    expect(
      configError({
        'nhi-policy.yaml':
          'schemaVersion: 1\npolicies:\n  paths: [org-policies]\n',
      }).describe(),
    ).toBe(
      'org-policies: policy folder "org-policies" does not exist: create it or fix policies.paths',
    );
  });
});

describe('the CLI stops with exit code 2 on a configuration error', () => {
  it('prints the error with file and line, and no identity finding', () => {
    const root = makeInventory({
      [IDENTITY]: fixture('identities/impossible-date.yaml'),
      'owners.yaml': OWNERS_WITH_GHOST,
    });
    const result = runCli(['check', root, '--today', '2026-12-01']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'nhi-policy: configuration error: owners.yaml:7: team "payments-platform" lists member "ghost-member", who is not declared under people: add them or fix the name\n',
    });
  });

  it('refuses an inventory root with ..', () => {
    const root = makeInventory({
      'nhi-policy.yaml':
        'schemaVersion: 1\ninventory:\n  roots: [identities, ../shared]\n',
      [IDENTITY]: CLEAN,
    });
    expect(runCli(['check', root, '--today', '2026-12-01'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'nhi-policy: configuration error: nhi-policy.yaml:3: inventory root "../shared" leaves the repository: remove the ".." parts\n',
    });
  });
});
