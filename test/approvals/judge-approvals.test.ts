import { describe, expect, it } from 'vitest';
import type { CountedReviews } from '../../src/approvals/count-approvals.js';
import { judgeApprovals } from '../../src/approvals/judge-approvals.js';
import {
  githubMembership,
  registryMembership,
} from '../../src/approvals/membership.js';
import type {
  Requirement,
  TeamNeed,
} from '../../src/approvals/required-approvals.js';
import { registry } from './owners-registry.js';

const HEAD = 'c'.repeat(40);

function requirement(subject: string, teams: TeamNeed[]): Requirement {
  return {
    subject,
    kind: 'identity',
    change: 'modified',
    file: `identities/${subject}.yaml`,
    teams,
    unknownOwners: [],
  };
}

const owner = (team: string, approvals = 1): TeamNeed => ({
  team,
  approvals,
  reasons: ['owner'],
});

function counted(
  approvedBy: string[],
  changesRequestedBy: string[] = [],
): CountedReviews {
  return { approvedBy, changesRequestedBy, ignored: [] };
}

function judge(requirements: Requirement[], reviews: CountedReviews) {
  const verdict = judgeApprovals(
    requirements,
    reviews,
    registryMembership(registry()),
    HEAD,
  );
  return {
    state: verdict.state,
    items: verdict.items.map((i) => ({
      subject: i.requirement.subject,
      state: i.state,
      teams: i.teams,
      blockedBy: i.blockedBy,
    })),
  };
}

describe('judgeApprovals', () => {
  it('approves when every team has its approvals', () => {
    const r = [requirement('svc-a', [owner('payments'), owner('security')])];
    expect(judge(r, counted(['dana-gh', 'grace-gh']))).toEqual({
      state: 'approved',
      items: [
        {
          subject: 'svc-a',
          state: 'approved',
          teams: [
            {
              team: 'payments',
              needed: 1,
              approvedBy: ['dana-gh'],
              missing: 0,
            },
            {
              team: 'security',
              needed: 1,
              approvedBy: ['grace-gh'],
              missing: 0,
            },
          ],
          blockedBy: [],
        },
      ],
    });
  });

  it('says what is missing, team by team', () => {
    const r = [requirement('svc-a', [owner('payments', 2), owner('security')])];
    expect(judge(r, counted(['dana-gh', 'frank-gh'])).items[0]).toEqual({
      subject: 'svc-a',
      state: 'missing',
      teams: [
        { team: 'payments', needed: 2, approvedBy: ['dana-gh'], missing: 1 },
        { team: 'security', needed: 1, approvedBy: [], missing: 1 },
      ],
      blockedBy: [],
    });
  });

  it('blocks on changes requested by a member of a required team', () => {
    const r = [
      requirement('svc-a', [owner('payments')]),
      requirement('svc-b', [owner('platform')]),
    ];
    const verdict = judge(r, counted(['dana-gh', 'frank-gh'], ['erin-gh']));
    expect(verdict.state).toBe('blocked');
    expect(verdict.items.map((i) => [i.state, i.blockedBy])).toEqual([
      ['blocked', ['erin-gh']],
      ['approved', []],
    ]);
  });

  it('ignores changes requested by someone outside the required teams', () => {
    const r = [requirement('svc-a', [owner('payments')])];
    expect(judge(r, counted(['dana-gh'], ['frank-gh'])).state).toBe('approved');
  });

  it('approves a pull request with nothing to approve', () => {
    expect(judge([], counted([]))).toEqual({ state: 'approved', items: [] });
  });

  it('counts GitHub team members and the bots the registry declares', () => {
    const membership = githubMembership(
      registry(),
      new Map([['release', ['Oliver-GH']]]),
    );
    const members = membership.members('release');
    expect([...members].sort()).toEqual(['acme-release[bot]', 'oliver-gh']);
    expect(membership.members('payments').size).toBe(0);
  });
});
