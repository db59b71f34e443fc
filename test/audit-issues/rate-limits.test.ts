import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  errorsOf,
  requestsSince,
  startAuditScenario,
  type AuditScenario,
  type IdentitySpec,
} from './audit-scenario.js';

const TEAMS = 45;

/**
 * 600 identities over 45 teams, the first 150 overdue: every team has
 * three or four items due, so the first run needs 46 writes (the label
 * and one issue per team), more than the 40 the API accepts. Octokit
 * spaces issue creations 3 s apart, as GitHub asks: this test takes
 * about two minutes.
 */
function inventory(): IdentitySpec[] {
  return Array.from({ length: 600 }, (_, i) => ({
    id: `svc-${String(i).padStart(3, '0')}`,
    team: teamName(i % TEAMS),
    lastRotated: i < 150 ? '2026-08-01' : '2026-11-20',
  }));
}

function teamName(n: number): string {
  return `team-${String(n).padStart(2, '0')}`;
}

let s: AuditScenario;
beforeEach(async () => {
  s = await startAuditScenario();
  s.write(inventory());
});
afterEach(async () => {
  s.api.assertNoSchemaViolations();
  s.api.assertNoUnknownRoutes();
  await s.close();
});

it('fails a run cut short by the rate limit, and the next run completes it without duplicates', async () => {
  s.api.setWriteLimit({ after: 40, kind: 'secondary', retryAfterSeconds: 1 });

  const cut = await s.run();

  expect(cut.status).toBe(1);
  expect(s.api.state.issues()).toHaveLength(39);
  const refused = s.api.requests().filter((r) => r.status === 403);
  expect(refused.map((r) => [r.method, r.path])).toEqual(
    Array(3).fill(['POST', '/repos/acme/identities/issues']),
  );
  expect(errorsOf(cut)).toEqual([
    'nhi-policy did not finish the rolling issues: 40 of 46 teams handled, ' +
      '6 not reached, because writing the rolling issue of team team-39 ' +
      'failed (403 You have exceeded a secondary rate limit. Please wait a ' +
      'few minutes before you try again. If you reach out to GitHub Support ' +
      'for help, please include the request ID 0000:0000:0000:0000.): ' +
      "GitHub's rate limit held after the waits it asked for; the next run " +
      'goes on. ' +
      'The next run starts with the teams not reached and finds the issues ' +
      'already written by their hidden marker, so none is opened twice.',
  ]);
  expect(cut.summary).toContain(
    '### ❌ Rolling issues: not finished, the next run goes on',
  );
  expect(cut.summary).toContain('| team\\-44 | 3 |  | not reached |');

  s.api.setWriteLimit(undefined);
  const from = s.api.requests().length;
  const next = await s.run();

  expect(next.status).toBe(0);
  expect(errorsOf(next)).toEqual([]);
  const teams = Array.from({ length: TEAMS }, (_, n) => teamName(n));
  expect(teams.map((t) => s.issuesOf(t).length)).toEqual(Array(TEAMS).fill(1));
  expect(s.api.state.issues()).toHaveLength(TEAMS);
  const writes = requestsSince(s.api, from).filter((r) => r.write);
  expect(writes.map((r) => r.method)).toEqual(Array(6).fill('POST'));
  expect(next.summary).toContain('6 created, 40 unchanged, across 46 teams');
}, 300_000);
