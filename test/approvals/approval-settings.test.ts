import { describe, expect, it } from 'vitest';
import { readApprovalSettings } from '../../src/approvals/approval-settings.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { ConfigError } from '../../src/model/config-error.js';
import { registry } from './owners-registry.js';

function read(approvals: Record<string, unknown>) {
  const config = { ...DEFAULT_CONFIG, file: 'nhi-policy.yaml', approvals };
  return readApprovalSettings(config, registry());
}

describe('readApprovalSettings', () => {
  it('fills in the documented defaults', () => {
    expect(read({})).toEqual({
      enabled: true,
      securityTeam: 'security',
      fallbackTeam: 'security',
      membership: 'registry',
      securityFor: [
        'production',
        'privilege',
        'scopes',
        'deletion',
        'waivers',
        'policy',
      ],
      minimumApprovals: {},
    });
  });

  it('takes the fallback team from the security team by default', () => {
    expect(read({ securityTeam: 'platform' })).toMatchObject({
      securityTeam: 'platform',
      fallbackTeam: 'platform',
    });
  });

  it('reads every field', () => {
    expect(
      read({
        securityTeam: 'security',
        fallbackTeam: 'platform',
        membership: 'github',
        securityFor: ['policy', 'production'],
        minimumApprovals: { payments: 2 },
      }),
    ).toEqual({
      enabled: true,
      securityTeam: 'security',
      fallbackTeam: 'platform',
      membership: 'github',
      securityFor: ['production', 'policy'],
      minimumApprovals: { payments: 2 },
    });
  });

  it('refuses a team that is not in the owners registry', () => {
    expect(() => read({ securityTeam: 'secops' })).toThrow(ConfigError);
    expect(() => read({ minimumApprovals: { payment: 2 } })).toThrow(
      'approvals.minimumApprovals names the team "payment", which is not in the owners registry owners.yaml: add the team there, or name another team',
    );
  });

  it('checks no team when the gate is off', () => {
    expect(read({ enabled: false, securityTeam: 'secops' }).enabled).toBe(
      false,
    );
  });
});
