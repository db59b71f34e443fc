import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/action/api-error.js';
import { executeIssuePlan } from '../../src/action/execute-issue-plan.js';
import type { Log } from '../../src/action/runtime.js';
import type { IssueOperation } from '../../src/audit/issues/plan-issues.js';

const LOG: Log = {
  info: () => {},
  debug: () => {},
  warning: () => {},
  group: (_, stage) => stage(),
  dump: () => {},
};

function create(team: string): IssueOperation {
  return { kind: 'create', team, title: team, body: team, assignees: [] };
}

function writer(refuseAt = Infinity) {
  const calls: string[] = [];
  let n = 0;
  const write = async (what: string) => {
    if (++n >= refuseAt) {
      throw new ApiError({ kind: 'write-issue', team: what }, 403, 'No');
    }
    calls.push(what);
  };
  return {
    calls,
    api: {
      ensureLabel: (label: string) => write(`label ${label}`),
      createIssue: async (team: string) => (await write(team), n),
      updateIssue: (team: string) => write(team),
      comment: (team: string) => write(team),
    },
  };
}

describe('executeIssuePlan', () => {
  it('stops at the budget and leaves the rest not reached', async () => {
    const w = writer();
    const ops = [create('a'), create('b'), create('c')];

    const done = await executeIssuePlan(
      ops,
      w.api,
      { label: 'x', budget: 2 },
      LOG,
    );

    expect(done.results.map((r) => r.status)).toEqual([
      'created',
      'created',
      'not reached',
    ]);
    expect(done.stopped).toEqual({
      reason: 'budget',
      message:
        'the run reached its budget of 2 operations (the input "max-operations")',
    });
  });

  it('stops writing at the first refusal', async () => {
    const w = writer(3);
    const ops = [create('a'), create('b'), create('c')];

    const done = await executeIssuePlan(
      ops,
      w.api,
      { label: 'x', budget: 50 },
      LOG,
    );

    expect(w.calls).toEqual(['label x', 'a']);
    expect(done.results.map((r) => r.status)).toEqual([
      'created',
      'not reached',
      'not reached',
    ]);
    expect(done.stopped?.reason).toBe('refused');
  });
});
