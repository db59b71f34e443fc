import { describe, expect, it } from 'vitest';
import {
  countApprovals,
  type Review,
} from '../../src/approvals/count-approvals.js';
import { registryMembership } from '../../src/approvals/membership.js';
import { registry } from './owners-registry.js';

const HEAD = 'b'.repeat(40);
const EARLIER = 'a'.repeat(40);
const PR = { author: 'alice-gh', headSha: HEAD };

let nextId = 1;
function review(
  login: string,
  state: string,
  commitId = HEAD,
  userType = login.endsWith('[bot]') ? 'Bot' : 'User',
): Review {
  nextId += 1;
  return { id: nextId, login, userType, state, commitId };
}

function count(reviews: Review[]) {
  return countApprovals(reviews, PR, registryMembership(registry()));
}

describe('countApprovals', () => {
  it('counts an approval on the head commit', () => {
    expect(count([review('dana-gh', 'APPROVED')])).toEqual({
      approvedBy: ['dana-gh'],
      changesRequestedBy: [],
      ignored: [],
    });
  });

  it('keeps the approval when a plain comment follows it', () => {
    const reviews = [
      review('dana-gh', 'APPROVED'),
      review('dana-gh', 'COMMENTED'),
      review('dana-gh', 'PENDING'),
    ];
    expect(count(reviews).approvedBy).toEqual(['dana-gh']);
  });

  it('drops an approval that was dismissed', () => {
    expect(count([review('dana-gh', 'DISMISSED')])).toEqual({
      approvedBy: [],
      changesRequestedBy: [],
      ignored: [],
    });
  });

  it('takes the latest decision: changes requested after an approval', () => {
    const reviews = [
      review('erin-gh', 'APPROVED'),
      review('erin-gh', 'CHANGES_REQUESTED'),
    ];
    expect(count(reviews)).toMatchObject({
      approvedBy: [],
      changesRequestedBy: ['erin-gh'],
    });
  });

  it('takes the latest decision: an approval after changes requested', () => {
    const reviews = [
      review('erin-gh', 'CHANGES_REQUESTED', EARLIER),
      review('erin-gh', 'APPROVED'),
    ];
    expect(count(reviews).approvedBy).toEqual(['erin-gh']);
  });

  it('does not count an approval of an earlier commit (A1)', () => {
    expect(count([review('dana-gh', 'APPROVED', EARLIER)])).toEqual({
      approvedBy: [],
      changesRequestedBy: [],
      ignored: [
        { login: 'dana-gh', because: 'earlier-commit', commitId: EARLIER },
      ],
    });
  });

  it('keeps a request for changes made on an earlier commit', () => {
    const reviews = [review('erin-gh', 'CHANGES_REQUESTED', EARLIER)];
    expect(count(reviews).changesRequestedBy).toEqual(['erin-gh']);
  });

  it('never counts the author, in any letter case', () => {
    expect(count([review('Alice-GH', 'APPROVED')]).ignored).toEqual([
      { login: 'alice-gh', because: 'author', commitId: HEAD },
    ]);
  });

  it('counts a bot only when the registry declares it', () => {
    const reviews = [
      review('renovate[bot]', 'APPROVED'),
      review('ci-helper', 'APPROVED', HEAD, 'Bot'),
      review('acme-release[bot]', 'APPROVED'),
    ];
    expect(count(reviews)).toEqual({
      approvedBy: ['acme-release[bot]'],
      changesRequestedBy: [],
      ignored: [
        { login: 'renovate[bot]', because: 'bot', commitId: HEAD },
        { login: 'ci-helper', because: 'bot', commitId: HEAD },
      ],
    });
  });

  it('compares logins without case, as GitHub does', () => {
    const reviews = [
      review('DANA-gh', 'APPROVED'),
      review('dana-GH', 'DISMISSED'),
    ];
    expect(count(reviews).approvedBy).toEqual([]);
  });

  it('skips reviews by deleted accounts', () => {
    expect(count([review('', 'APPROVED')]).approvedBy).toEqual([]);
  });
});
