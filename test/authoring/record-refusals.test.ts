import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordReview } from '../../src/authoring/record-review.js';
import {
  recordRotation,
  type RotationInput,
} from '../../src/authoring/record-rotation.js';
import { loadWorkspace } from '../../src/config/workspace.js';
import { FsSource } from '../../src/load/fs-source.js';
import { EXAMPLES } from '../runbook/example-inventory.js';

const { owners } = loadWorkspace(new FsSource(EXAMPLES));
const read = (file: string) =>
  readFileSync(path.join(EXAMPLES, 'identities', file), 'utf8');
const LEDGER = read('payments-platform/svc-payments-ledger-reader.yaml');
const OK: RotationInput = {
  by: 'yuki-tanaka',
  verifiedBy: 'amara-nwosu',
  evidence: 'PAY-2601',
  date: '2026-12-01',
  today: '2026-12-01',
};

function refusal(change: Partial<RotationInput>, text = LEDGER): string {
  try {
    recordRotation(text, { ...OK, ...change }, owners);
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
}

describe('rotate and review refuse what cannot be true', () => {
  it('refuses people who are not in the registry, with a likely match', () => {
    expect(refusal({ by: 'yuki' })).toBe(
      '--by "yuki" is not a person in owners.yaml: did you mean "yuki-tanaka"?',
    );
    expect(refusal({ verifiedBy: 'security' })).toBe(
      '--verified-by "security" is not a person in owners.yaml: it is a team: name the person',
    );
    expect(refusal({ by: 'somebody-else' })).toBe(
      '--by "somebody-else" is not a person in owners.yaml: use the key of a person listed under "people:" there',
    );
  });

  it('refuses one person both rotating and verifying', () => {
    expect(refusal({ verifiedBy: 'yuki-tanaka' })).toBe(
      'the person who verifies a rotation (--verified-by) must not be the person who did it (--by)',
    );
  });

  it('accepts only the verifier the credential names', () => {
    // svc-payments-ledger-reader: rotation.verifiedBy is the security team.
    expect(refusal({ verifiedBy: 'dana-whitfield' })).toBe(
      '--verified-by "dana-whitfield" may not verify this rotation: credential "sa-key" names team "security" as its verifier (rotation.verifiedBy); ask one of grace-nakamura, elias-novak, amara-nwosu',
    );
    expect(refusal({ verifiedBy: 'elias-novak' })).toBe('accepted');
    const netsuite = read('finance-operations/mu-netsuite-invoice-import.yaml');
    const named = {
      credential: 'access-token',
      by: 'lucia-romero',
      verifiedBy: 'diego-ferreira',
    };
    expect(refusal(named, netsuite)).toBe(
      '--verified-by "diego-ferreira" may not verify this rotation: credential "access-token" names "samuel-osei" as its verifier (rotation.verifiedBy); ask samuel-osei',
    );
    expect(
      refusal(
        { ...named, by: 'samuel-osei', verifiedBy: 'lucia-romero' },
        netsuite,
      ),
    ).toBe(
      '--verified-by "lucia-romero" may not verify this rotation: credential "access-token" names "samuel-osei" as its verifier (rotation.verifiedBy); nobody there but samuel-osei (--by) could verify, so someone else must rotate it, or the owning team must name another verifier in the file',
    );
  });

  it('refuses dates in the future or before the last rotation', () => {
    expect(refusal({ date: '2026-12-02' })).toBe(
      '--date 2026-12-02 is in the future (today is 2026-12-01 UTC): record what was done, when it was done',
    );
    expect(refusal({ date: '2026-09-30' })).toBe(
      '--date 2026-09-30 is before the last rotation (2026-10-01): records only move forward',
    );
    expect(refusal({ date: '2026-02-30' })).toBe(
      '--date "2026-02-30" is not a real date (YYYY-MM-DD)',
    );
  });

  it('refuses evidence that looks like a secret, without repeating it', () => {
    const token = ['sk', 'live', '51HxT9kLmQ2wR7vB4nC8pZ3aY6dF1gJ0'].join('_');
    const message = refusal({ evidence: token });
    expect(message).toBe(
      '--evidence looks like a secret; write a ticket number or a link, never the secret (the value is not shown here)',
    );
  });

  it('asks which credential when there are several, and refuses keyless ones', () => {
    const several = read('finance-operations/mu-netsuite-invoice-import.yaml');
    expect(refusal({}, several)).toBe(
      'the identity has 2 credentials (access-token, integration-record): say which with --credential',
    );
    expect(
      refusal({}, read('release-engineering/wi-crates-publish-acme-cli.yaml')),
    ).toBe(
      'the identity has no stored credential to rotate (keyless or revoked)',
    );
    expect(refusal({ credential: 'nope' })).toBe(
      'there is no credential "nope" in the file; its credentials are: sa-key',
    );
    expect(
      refusal({}, read('it-operations/dk-legacy-ansible-playbooks-pull.yaml')),
    ).toBe('the identity is decommissioned: there is nothing to rotate');
  });

  it('sets a new expiry date with the rotation, only after the rotation', () => {
    const cert = read('finance-operations/cert-partner-bank-sftp-mtls.yaml');
    const after = recordRotation(
      cert,
      {
        ...OK,
        by: 'samuel-osei',
        verifiedBy: 'diego-ferreira',
        expires: '2027-03-20',
      },
      owners,
    );
    expect(after).toContain('    expires: 2027-03-20\n');
    expect(after).not.toContain('expires: 2026-12-20');
    const renewal = { by: 'samuel-osei', verifiedBy: 'diego-ferreira' };
    expect(refusal({ ...renewal, expires: '2026-11-01' }, cert)).toBe(
      '--expires "2026-11-01" must be a real date after the rotation date 2026-12-01',
    );
  });

  it('refuses a review for a file without a review section, and a broken file', () => {
    const text = read('data-platform/svc-legacy-hadoop-exporter.yaml');
    expect(() => recordReview(text, { ...OK }, owners)).toThrow(
      'the file has no review section: add "review:" with "intervalDays:" (how often access is reviewed) first',
    );
    expect(() => recordReview('id: [\n', { ...OK }, owners)).toThrow(
      /^line \d+: YAML syntax error/,
    );
  });
});
