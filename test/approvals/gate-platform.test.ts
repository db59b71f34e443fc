import { describe, expect, it } from 'vitest';
import { TOKENS } from '../support/github-api/index.js';
import { annotationsOf } from '../support/run-action.js';
import {
  approvalSection,
  approvedStatus,
  baseFiles,
  CONTEXT,
  fixture,
  ledgerReader,
  pullRequestPayload,
  reviewPayload,
  runGate,
  startScenario,
  closeAfterEach,
  type Scenario,
} from './gate-scenario.js';

let s: Scenario;
closeAfterEach(() => s);

const REWORD = ledgerReader((t) => t.replace('nightly', 'hourly'));
const TEAM_ERROR =
  'reading the members of the GitHub team acme/payments-platform failed ' +
  "(404 Not Found): a workflow's GITHUB_TOKEN cannot read organisation " +
  'teams: pass in the input "token" a GitHub App installation token or a ' +
  'fine-grained personal access token with the organisation permission ' +
  '"Members: read" (check the team slug too), or set ' +
  '"approvals.membership: registry" in the configuration';

describe('A2: team membership needs a capable token', () => {
  const githubTeams = {
    ...baseFiles(),
    'nhi-policy.yaml': fixture('nhi-policy-github-teams.yaml'),
  };

  it('is a configuration error naming the token, never a pass, with the default token', async () => {
    s = await startScenario(REWORD, { base: githubTeams });
    s.api.state.setTeam('acme', 'payments-platform', ['dana-gh']);
    s.api.state.addReview(1, { user: 'dana-gh', state: 'APPROVED' });

    const run = await runGate(s, { token: TOKENS.actions });

    expect(s.statuses()).toEqual([
      {
        state: 'error',
        context: CONTEXT,
        description: `Configuration error: ${TEAM_ERROR}`.slice(0, 139) + '…',
      },
    ]);
    expect(run.status).toBe(1);
    expect(annotationsOf(run)).toEqual([
      {
        level: 'error',
        file: undefined,
        line: undefined,
        title: undefined,
        message: `nhi-policy configuration error: ${TEAM_ERROR}`,
      },
    ]);
    expect(run.outputs.approval).toBe('error');
    expect(approvalSection(run.summary)).toMatch(
      /^### ❌ Owner approval: configuration error\n\nreading the members of the GitHub team acme\/payments\\-platform failed/,
    );
  });

  it('passes with a token that can read the team', async () => {
    s = await startScenario(REWORD, { base: githubTeams });
    s.api.state.setTeam('acme', 'payments-platform', ['dana-gh']);
    s.api.state.addReview(1, { user: 'dana-gh', state: 'APPROVED' });

    const run = await runGate(s, { token: TOKENS.orgReader });

    expect(s.statuses()).toEqual([approvedStatus(s)]);
    expect(run.status).toBe(0);
  });

  it('passes with the default token when the owners registry gives the members', async () => {
    s = await startScenario(REWORD);
    s.api.state.addReview(1, { user: 'dana-gh', state: 'APPROVED' });

    await runGate(s, { token: TOKENS.actions });

    expect(s.statuses()).toEqual([approvedStatus(s)]);
    const teamReads = s.api
      .requests()
      .filter((r) => r.path.includes('/teams/'));
    expect(teamReads).toEqual([]);
  });
});

describe('G2: a pull request from a fork', () => {
  it('computes the verdict with a read-only token and warns that the status was refused', async () => {
    s = await startScenario(REWORD, { forkOwner: 'mallory' });
    s.api.state.addReview(1, { user: 'dana-gh', state: 'APPROVED' });

    const run = await runGate(s, {
      token: TOKENS.fork,
      payload: pullRequestPayload(s, 'mallory'),
    });

    expect(s.statuses()).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'pass', approval: 'approved' });
    const warning =
      'The commit status nhi-policy/owner-approval was not written, so ' +
      'branch protection still sees the previous one, or none: writing the ' +
      `commit status on ${s.repo.headSha.slice(0, 7)} failed (403 Resource ` +
      'not accessible by integration): give the job "permissions: ' +
      'statuses: write" in the workflow file; a pull request from a fork ' +
      'gets a read-only token, see docs/approvals.md for the workflow_run setup';
    expect(annotationsOf(run)).toEqual([
      {
        level: 'warning',
        file: undefined,
        line: undefined,
        title: undefined,
        message: warning,
      },
    ]);
    const section = approvalSection(run.summary);
    expect(section).toContain('### ✅ Owner approval: approved');
    expect(section).toContain(
      '> [!WARNING]\n> The commit status nhi\\-policy/',
    );
  });

  it('gets its status from the workflow_run setup, which finds the pull request by its head', async () => {
    s = await startScenario(REWORD, { forkOwner: 'mallory' });
    s.api.state.addReview(1, { user: 'dana-gh', state: 'APPROVED' });

    const run = await runGate(s, {
      eventName: 'workflow_run',
      token: TOKENS.actions,
      payload: workflowRun(s, []),
    });

    expect(run.status).toBe(0);
    expect(s.statuses()).toEqual([approvedStatus(s)]);
    expect(s.api.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/acme/identities/pulls',
      'GET /repos/acme/identities/pulls/1',
      'GET /repos/acme/identities/pulls/1/reviews',
      `POST /repos/acme/identities/statuses/${s.repo.headSha}`,
    ]);
  });
});

describe('A3: the verdict follows the reviews with no manual re-run', () => {
  it(
    'turns red, green, red, green, red on the same context of the head commit',
    {
      timeout: 60_000,
    },
    async () => {
      s = await startScenario(REWORD);
      const states = () => s.statuses().map((x) => x.state);

      await runGate(s, {
        payload: { ...pullRequestPayload(s), action: 'opened' },
      });
      expect(states()).toEqual(['failure']);

      const approval = s.api.state.addReview(1, {
        user: 'dana-gh',
        state: 'APPROVED',
      });
      const review = (action: string, login: string) =>
        runGate(s, {
          eventName: 'pull_request_review',
          payload: reviewPayload(s, action, login),
        });
      await review('submitted', 'dana-gh');
      expect(states()).toEqual(['failure', 'success']);

      s.api.state.dismissReview(1, approval.id);
      await review('dismissed', 'dana-gh');
      expect(states()).toEqual(['failure', 'success', 'failure']);

      s.api.state.addReview(1, { user: 'dana-gh', state: 'APPROVED' });
      await review('submitted', 'dana-gh');
      s.api.state.addReview(1, { user: 'erin-gh', state: 'CHANGES_REQUESTED' });
      await review('submitted', 'erin-gh');

      expect(s.statuses()).toEqual([
        { ...WAITING },
        { ...APPROVED(s) },
        { ...WAITING },
        { ...APPROVED(s) },
        {
          state: 'failure',
          context: CONTEXT,
          description: 'Changes requested by erin-gh on svc-ledger-reader.',
        },
      ]);
    },
  );
});

describe('the gate on other events and setups', () => {
  it('passes a merge group, whose pull requests were approved before they were queued', async () => {
    s = await startScenario(REWORD);

    await runGate(s, {
      eventName: 'merge_group',
      payload: {
        action: 'checks_requested',
        merge_group: {
          head_sha: s.repo.headSha,
          base_sha: s.repo.baseSha,
          head_ref: 'refs/heads/gh-readonly-queue/main/pr-1',
          base_ref: 'refs/heads/main',
        },
        repository: { full_name: 'acme/identities', default_branch: 'main' },
      },
    });

    expect(s.statuses()).toEqual([
      {
        state: 'success',
        context: CONTEXT,
        description:
          'Each pull request in this merge group was approved before it was queued.',
      },
    ]);
  });

  it('takes a same-repository pull request from the workflow_run payload', async () => {
    s = await startScenario(REWORD);
    s.api.state.addReview(1, { user: 'dana-gh', state: 'APPROVED' });

    await runGate(s, {
      eventName: 'workflow_run',
      payload: workflowRun(s, [1]),
      env: {
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '4242',
      },
    });

    expect(s.statuses()).toEqual([approvedStatus(s)]);
    expect(s.api.requests().map((r) => r.path)).not.toContain(
      '/repos/acme/identities/pulls',
    );
    expect(s.api.state.statuses(s.repo.headSha)[0]?.targetUrl).toBe(
      'https://github.com/acme/identities/actions/runs/4242',
    );
  });

  it('never writes the default branch status for a pull request into another branch', async () => {
    // Same head, another base: that branch's configuration (roots moved
    // away) sees no identity change, which must not pass main's status.
    s = await startScenario(REWORD, {
      base: {
        ...baseFiles(),
        'nhi-policy.yaml': fixture('nhi-policy.yaml').replace(
          'roots: [identities]',
          'roots: [elsewhere]',
        ),
        'elsewhere/README.md': 'Nothing here.\n',
      },
    });
    const payload = pullRequestPayload(s);
    payload.pull_request.base.ref = 'side';

    const run = await runGate(s, { payload });

    expect(run.outputs.approval).toBe('approved');
    expect(s.statuses()).toEqual([]);
    expect(
      s.api.state
        .statuses(s.repo.headSha)
        .map(({ state, context, description }) => ({
          state,
          context,
          description,
        })),
    ).toEqual([
      {
        state: 'success',
        context: 'nhi-policy/owner-approval (side)',
        description: 'No identity or policy file changed: no approval needed.',
      },
    ]);
  });

  it('leaves the gate to another workflow with owner-approval: false', async () => {
    s = await startScenario(REWORD);

    const run = await runGate(s, { inputs: { 'owner-approval': 'false' } });

    expect(run.status).toBe(0);
    expect(run.outputs.approval).toBe('off');
    expect(s.api.requests()).toEqual([]);
    expect(approvalSection(run.summary)).toBe('');
  });

  it('names the permission when the token cannot read the reviews', async () => {
    s = await startScenario(REWORD);
    s.api.override({
      method: 'GET',
      path: '/repos/acme/identities/pulls/1/reviews',
      status: 403,
      body: {
        message: 'Resource not accessible by integration',
        documentation_url:
          'https://docs.github.com/rest/pulls/reviews#list-reviews-for-a-pull-request',
        status: '403',
      },
    });

    const run = await runGate(s);

    const message =
      'reading the reviews of pull request #1 failed (403 Resource not ' +
      'accessible by integration): give the job "permissions: ' +
      'pull-requests: read" in the workflow file';
    expect(annotationsOf(run).map((a) => a.message)).toEqual([
      `nhi-policy configuration error: ${message}`,
    ]);
    expect(run.status).toBe(1);
    expect(s.statuses()).toEqual([
      {
        state: 'error',
        context: CONTEXT,
        description: `Configuration error: ${message}`.slice(0, 139) + '…',
      },
    ]);
  });

  it('stops with a configuration error when the security team is not in the registry', async () => {
    s = await startScenario(REWORD, {
      base: {
        ...baseFiles(),
        'owners.yaml': fixture('owners.yaml').replace(
          /\n {2}security:\n.*\n.*\n.*\n/,
          '\n',
        ),
      },
    });

    const run = await runGate(s);

    expect(run.status).toBe(1);
    expect(annotationsOf(run).map((a) => a.message)).toEqual([
      'nhi-policy configuration error: nhi-policy.yaml: approvals.securityTeam names the team "security", which is not in the owners registry owners.yaml: add the team there, or name another team',
    ]);
    expect(s.api.requests()).toEqual([]);
  });
});

const WAITING = {
  state: 'failure',
  context: CONTEXT,
  description: 'Waiting for approval by payments (svc-ledger-reader).',
};

function APPROVED(scenario: Scenario) {
  return {
    state: 'success',
    context: CONTEXT,
    description: `Owners approved the 1 change at ${scenario.repo.headSha.slice(0, 7)}.`,
  };
}

/** A workflow_run event for the scenario's head, listing `numbers`. */
function workflowRun(scenario: Scenario, numbers: number[]) {
  return {
    action: 'completed',
    repository: { full_name: 'acme/identities', default_branch: 'main' },
    workflow_run: {
      name: 'nhi-policy review trigger',
      event: 'pull_request_review',
      conclusion: 'success',
      head_sha: scenario.repo.headSha,
      head_branch: 'feature',
      pull_requests: numbers.map((number) => ({
        number,
        head: { sha: scenario.repo.headSha, ref: 'feature' },
        base: { sha: scenario.repo.baseSha, ref: 'main' },
      })),
    },
  };
}
