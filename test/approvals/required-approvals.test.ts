import { describe, expect, it } from 'vitest';
import {
  requiredApprovals,
  type ChangeSet,
} from '../../src/approvals/required-approvals.js';
import type { IdentityDoc } from '../../src/approvals/pair-identity-changes.js';
import type { Change } from '../../src/load/changed-files.js';
import { registry, settings } from './owners-registry.js';

const PATH = 'identities/svc-a.yaml';

function identity(changes: Record<string, unknown> = {}): IdentityDoc {
  return {
    id: 'svc-a',
    environment: 'development',
    owner: { team: 'payments' },
    access: { privilege: 'read', scopes: ['logs:read'] },
    ...changes,
  };
}

function required(
  files: Change[],
  base: Record<string, IdentityDoc | null>,
  head: Record<string, IdentityDoc | null>,
  extra: Partial<ChangeSet> = {},
  options = settings(),
) {
  return requiredApprovals(
    { files, policyFiles: [], waiverFiles: [], ...extra },
    new Map(Object.entries(base)),
    new Map(Object.entries(head)),
    registry(),
    options,
  ).map((r) => ({
    subject: r.subject,
    change: r.change,
    teams: r.teams.map((t) => `${t.team}:${t.reasons.join('+')}`),
  }));
}

const modified: Change[] = [{ status: 'modified', path: PATH }];

describe('requiredApprovals', () => {
  it('asks the owning team of the base version of a changed identity', () => {
    expect(
      required(modified, { [PATH]: identity() }, { [PATH]: identity() }),
    ).toEqual([
      { subject: 'svc-a', change: 'modified', teams: ['payments:owner'] },
    ]);
  });

  it('asks the new team for an added identity', () => {
    const head = { [PATH]: identity({ owner: { team: 'platform' } }) };
    expect(required([{ status: 'added', path: PATH }], {}, head)).toEqual([
      { subject: 'svc-a', change: 'added', teams: ['platform:owner'] },
    ]);
  });

  it('asks both the old and the new team when ownership moves', () => {
    const head = { [PATH]: identity({ owner: { team: 'platform' } }) };
    expect(required(modified, { [PATH]: identity() }, head)).toEqual([
      {
        subject: 'svc-a',
        change: 'modified',
        teams: ['payments:owner', 'platform:new-owner'],
      },
    ]);
  });

  it('judges by the base owner, whatever the head claims', () => {
    const head = { [PATH]: identity({ owner: { team: 'security' } }) };
    const [only] = required(modified, { [PATH]: identity() }, head);
    expect(only?.teams).toEqual(['payments:owner', 'security:new-owner']);
  });

  it('asks the fallback team when the old owner left the registry', () => {
    const base = { [PATH]: identity({ owner: { team: 'legacy-payments' } }) };
    const result = requiredApprovals(
      { files: modified, policyFiles: [], waiverFiles: [] },
      new Map(Object.entries(base)),
      new Map(Object.entries(base)),
      registry(),
      settings({ fallbackTeam: 'platform' }),
    );
    expect(result).toMatchObject([
      {
        teams: [{ team: 'platform', reasons: ['fallback'], approvals: 1 }],
        unknownOwners: ['legacy-payments'],
      },
    ]);
  });

  it('asks the fallback team for an identity file that does not parse', () => {
    expect(
      required([{ status: 'added', path: PATH }], {}, { [PATH]: null }),
    ).toEqual([
      { subject: PATH, change: 'added', teams: ['security:fallback'] },
    ]);
  });

  const write = { access: { privilege: 'write', scopes: ['logs:read'] } };
  it.each([
    ['production', {}, { environment: 'production' }],
    ['privilege', write, { ...write, purpose: 'Now also at night.' }],
    [
      'scopes',
      {},
      { access: { privilege: 'read', scopes: ['logs:read', 'x'] } },
    ],
  ])('adds the security team for %s', (risk, before, after) => {
    const base = { [PATH]: identity(before) };
    const [only] = required(modified, base, { [PATH]: identity(after) });
    expect(only?.teams).toEqual(['payments:owner', `security:${risk}`]);
  });

  it('counts a raised privilege as wider, and names every risk once', () => {
    const base = { [PATH]: identity({ access: { privilege: 'none' } }) };
    const head = {
      [PATH]: identity({
        environment: 'production',
        access: { privilege: 'admin' },
      }),
    };
    const [only] = required(modified, base, head);
    expect(only?.teams).toEqual([
      'payments:owner',
      'security:production+privilege+scopes',
    ]);
  });

  it('does not call narrower scopes wider', () => {
    const base = { [PATH]: identity({ access: { scopes: ['a', 'b'] } }) };
    const head = { [PATH]: identity({ access: { scopes: ['b'] } }) };
    const [only] = required(modified, base, head);
    expect(only?.teams).toEqual(['payments:owner']);
  });

  it('adds the security team for a deletion', () => {
    const [only] = required(
      [{ status: 'deleted', path: PATH }],
      { [PATH]: identity() },
      {},
    );
    expect(only).toEqual({
      subject: 'svc-a',
      change: 'deleted',
      teams: ['payments:owner', 'security:deletion'],
    });
  });

  it('sees a deletion and an addition of the same id as one move', () => {
    const to = 'identities/payments/svc-a.yaml';
    const files: Change[] = [
      { status: 'deleted', path: PATH },
      { status: 'added', path: to },
    ];
    expect(
      required(files, { [PATH]: identity() }, { [to]: identity() }),
    ).toEqual([
      { subject: 'svc-a', change: 'moved', teams: ['payments:owner'] },
    ]);
  });

  it('asks the security team for policy and waiver files', () => {
    expect(
      required(
        [],
        {},
        {},
        {
          policyFiles: ['owners.yaml'],
          waiverFiles: ['waivers/w.yaml'],
        },
      ),
    ).toEqual([
      { subject: 'owners.yaml', change: 'changed', teams: ['security:policy'] },
      {
        subject: 'waivers/w.yaml',
        change: 'changed',
        teams: ['security:waivers'],
      },
    ]);
  });

  it('leaves out the risks the configuration does not list', () => {
    const head = { [PATH]: identity({ environment: 'production' }) };
    const result = required(
      modified,
      { [PATH]: identity() },
      head,
      { policyFiles: ['nhi-policy.yaml'] },
      settings({ securityFor: ['deletion'] }),
    );
    expect(result).toEqual([
      { subject: 'svc-a', change: 'modified', teams: ['payments:owner'] },
    ]);
  });

  it('takes the number of approvals per team from the configuration', () => {
    const result = requiredApprovals(
      { files: modified, policyFiles: [], waiverFiles: [] },
      new Map([[PATH, identity()]]),
      new Map([[PATH, identity()]]),
      registry(),
      settings({ minimumApprovals: { payments: 2 } }),
    );
    expect(result[0]?.teams).toEqual([
      { team: 'payments', approvals: 2, reasons: ['owner'] },
    ]);
  });

  it('ignores changed files that are identities in neither commit', () => {
    expect(
      required([{ status: 'modified', path: 'README.md' }], {}, {}),
    ).toEqual([]);
  });
});
