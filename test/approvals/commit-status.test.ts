import { describe, expect, it } from 'vitest';
import {
  commitStatusOf,
  MAX_DESCRIPTION,
  statusContext,
} from '../../src/approvals/commit-status.js';
import type {
  ApprovalVerdict,
  RequirementVerdict,
} from '../../src/approvals/judge-approvals.js';

const HEAD = '0123456789abcdef0123456789abcdef01234567';
const CONTEXT = 'nhi-policy/owner-approval';

function item(
  subject: string,
  state: RequirementVerdict['state'],
  missing: Record<string, number> = {},
  blockedBy: string[] = [],
): RequirementVerdict {
  return {
    requirement: {
      subject,
      kind: 'identity',
      change: 'modified',
      file: `${subject}.yaml`,
      teams: [],
      unknownOwners: [],
    },
    teams: Object.entries(missing).map(([team, n]) => ({
      team,
      needed: 1,
      approvedBy: [],
      missing: n,
    })),
    blockedBy,
    state,
  };
}

function verdict(
  state: ApprovalVerdict['state'],
  items: RequirementVerdict[],
): ApprovalVerdict {
  return {
    state,
    headSha: HEAD,
    items,
    counted: { approvedBy: [], changesRequestedBy: [], ignored: [] },
    membership: 'registry',
  };
}

const status = (v: ApprovalVerdict) =>
  commitStatusOf({ kind: 'verdict', verdict: v, context: CONTEXT });

describe('commitStatusOf', () => {
  it('is success, under one stable context, when owners approved', () => {
    expect(status(verdict('approved', [item('svc-a', 'approved')]))).toEqual({
      context: 'nhi-policy/owner-approval',
      state: 'success',
      description: 'Owners approved the 1 change at 0123456.',
    });
  });

  it('is success when nothing needs an approval', () => {
    expect(status(verdict('approved', [])).description).toBe(
      'No identity or policy file changed: no approval needed.',
    );
  });

  it('is failure naming each team still missing and for what', () => {
    const v = verdict('missing', [
      item('svc-a', 'missing', { payments: 1, security: 1 }),
      item('nhi-policy.yaml', 'missing', { security: 1 }),
    ]);
    expect(status(v)).toMatchObject({
      state: 'failure',
      description:
        'Waiting for approval by payments (svc-a); security (svc-a, nhi-policy.yaml).',
    });
  });

  it('is failure naming who requested changes', () => {
    const v = verdict('blocked', [
      item('svc-a', 'blocked', {}, ['erin-gh']),
      item('svc-b', 'approved'),
    ]);
    expect(status(v)).toMatchObject({
      state: 'failure',
      description: 'Changes requested by erin-gh on svc-a.',
    });
  });

  it('is error for a configuration error, never success', () => {
    expect(
      commitStatusOf({
        kind: 'error',
        headSha: HEAD,
        context: CONTEXT,
        message: 'no team',
      }),
    ).toMatchObject({
      state: 'error',
      description: 'Configuration error: no team',
    });
  });

  it('keeps the description within GitHub limit of 140 characters', () => {
    const items = Array.from({ length: 20 }, (_, n) =>
      item(`svc-very-long-identity-name-${n}`, 'missing', { payments: 1 }),
    );
    const { description } = status(verdict('missing', items));
    expect(Array.from(description)).toHaveLength(MAX_DESCRIPTION);
    expect(description.endsWith('…')).toBe(true);
  });

  it('keeps control characters from file names out of the description', () => {
    const v = verdict('missing', [item('a\nb\u0007c', 'missing', { x: 1 })]);
    expect(status(v).description).toBe('Waiting for approval by x (a b c).');
  });

  it('names the base branch unless it is the default branch', () => {
    expect(statusContext('main', 'main')).toBe('nhi-policy/owner-approval');
    expect(statusContext('release/1.x', 'main')).toBe(
      'nhi-policy/owner-approval (release/1.x)',
    );
    expect(statusContext('main', '')).toBe('nhi-policy/owner-approval (main)');
  });
});
