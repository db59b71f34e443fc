import { afterAll, expect, it } from 'vitest';
import {
  approvalSection,
  fixture,
  ledgerReader,
  runGate,
  startScenario,
  type Scenario,
} from './gate-scenario.js';

let s: Scenario;
afterAll(async () => {
  s.api.assertNoSchemaViolations();
  await s.close();
});

/** The owner-approval section of a summary, as docs/approvals.md shows it. */
const SAMPLE = `### ❌ Owner approval: changes requested

An approval counts when it is the reviewer's latest approve or request-changes decision, on the head commit \`HEAD7\`, not by the author of the pull request and not by a bot the owners registry does not declare. Team members come from the owners registry of the base commit. The status \`nhi-policy/owner-approval\` on \`HEAD7\` carries this verdict.

| | Identity or file | Change | Team | Why | Approved by | Missing |
| --- | --- | --- | --- | --- | --- | ---: |
| ⛔ | bot\\-release\\-publisher | modified | release | owner | acme\\-release\\[bot\\] | 0 |
| ⛔ | bot\\-release\\-publisher | modified | security | wider scopes or privilege | — | 1 |
| ❌ | svc\\-ledger\\-reader | modified | payments | owner | — | 1 |
| ❌ | svc\\-ledger\\-reader | modified | platform | new owner | frank\\-gh | 0 |
| ⛔ | nhi\\-policy\\.yaml | changed | security | policy, owners or configuration change | — | 1 |

- ⛔ grace\\-gh requested changes on bot\\-release\\-publisher: the merge stays blocked until they approve or their review is dismissed.
- ⛔ grace\\-gh requested changes on nhi\\-policy\\.yaml: the merge stays blocked until they approve or their review is dismissed.

Not counted:

- dana\\-gh approved an earlier commit \`FIRST7\`.
- alice\\-gh wrote the pull request.
- renovate\\[bot\\] is a bot that the owners registry does not declare.

`;

it('renders the verdict table of docs/approvals.md', async () => {
  let first = '';
  s = await startScenario((repo) => {
    repo.write(ledgerReader((t) => t.replace('nightly', 'hourly')));
    first = repo.commit('reword');
    repo.write({
      ...ledgerReader((t) =>
        t
          .replace('nightly', 'hourly')
          .replace(
            '{ team: payments, individual: dana }',
            '{ team: platform, individual: frank }',
          ),
      ),
      'identities/bot-release-publisher.yaml': fixture(
        'bot-release-publisher.yaml',
      ).replace('[contents:read]', '[contents:read, contents:write]'),
      'nhi-policy.yaml': fixture('nhi-policy.yaml').replace(
        'failOn: error',
        'failOn: warning',
      ),
    });
  });
  const review = (user: string, state: 'APPROVED' | 'CHANGES_REQUESTED') =>
    s.api.state.addReview(1, { user, state });
  s.api.state.addReview(1, {
    user: 'dana-gh',
    state: 'APPROVED',
    commitId: first,
  });
  review('alice-gh', 'APPROVED');
  review('renovate[bot]', 'APPROVED');
  review('frank-gh', 'APPROVED');
  review('acme-release[bot]', 'APPROVED');
  review('grace-gh', 'CHANGES_REQUESTED');

  const run = await runGate(s);

  const section = approvalSection(run.summary)
    .replaceAll(s.repo.headSha.slice(0, 7), 'HEAD7')
    .replaceAll(first.slice(0, 7), 'FIRST7');
  expect(section).toBe(SAMPLE);
  expect(s.statuses()).toEqual([
    {
      state: 'failure',
      context: 'nhi-policy/owner-approval',
      description:
        'Changes requested by grace-gh on bot-release-publisher, nhi-policy.yaml.',
    },
  ]);
});
