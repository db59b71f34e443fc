import { describe, expect, it } from 'vitest';
import { readSettings } from '../../src/action/settings.js';

const ENV = {
  GITHUB_WORKSPACE: '/runner/workspace/repo',
  RUNNER_TEMP: '/runner/temp',
};
const NOW = new Date('2026-12-01T23:30:00-05:00');

function settingsWith(inputs: Record<string, string>) {
  return readSettings((name) => inputs[name] ?? '', ENV, NOW);
}

describe('readSettings', () => {
  it('takes the documented defaults for empty inputs', () => {
    expect(settingsWith({})).toEqual({
      path: '/runner/workspace/repo',
      directory: '',
      failOn: null,
      failOnExisting: false,
      today: '2026-12-02',
      sarifFile: '/runner/temp/nhi-policy.sarif',
      jsonFile: '/runner/temp/nhi-policy.json',
      maxAnnotations: 30,
      ownerApproval: true,
      token: '',
      repository: '',
      runUrl: '',
      auditIssues: true,
      quarterlyReview: true,
      dryRun: false,
      maxOperations: 50,
    });
  });

  it('trims values and resolves report paths against the checkout', () => {
    const settings = settingsWith({
      'max-annotations': ' 5 ',
      'sarif-file': ' reports/out.sarif ',
      directory: 'inventory\\prod/',
      'fail-on': 'warning',
    });

    expect(settings).toMatchObject({
      maxAnnotations: 5,
      sarifFile: '/runner/workspace/repo/reports/out.sarif',
      directory: 'inventory/prod',
      failOn: 'warning',
    });
  });

  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    ['', false],
  ])('reads fail-on-existing %j as %s', (value, expected) => {
    expect(settingsWith({ 'fail-on-existing': value }).failOnExisting).toBe(
      expected,
    );
  });

  it.each([
    [
      'fail-on-existing',
      'yes',
      'the input "fail-on-existing" is "yes"; it must be true or false',
    ],
    [
      'max-annotations',
      '51',
      'the input "max-annotations" is "51"; it must be a whole number from 0 to 50',
    ],
    [
      'max-annotations',
      '-1',
      'the input "max-annotations" is "-1"; it must be a whole number from 0 to 50',
    ],
    [
      'max-operations',
      '0',
      'the input "max-operations" is "0"; it must be a whole number from 1 to 1000',
    ],
    [
      'max-operations',
      '1001',
      'the input "max-operations" is "1001"; it must be a whole number from 1 to 1000',
    ],
    [
      'dry-run',
      'yes',
      'the input "dry-run" is "yes"; it must be true or false',
    ],
    [
      'directory',
      '../elsewhere',
      'the input "directory" "../elsewhere" leaves the repository',
    ],
  ])('refuses %s %j', (name, value, message) => {
    expect(() => settingsWith({ [name]: value })).toThrow(message);
  });
});
