import { afterEach, expect, it } from 'vitest';
import {
  startAuditScenario,
  type AuditScenario,
  type IdentitySpec,
} from './audit-scenario.js';

// 2024-03-31 is Europe's clock change, 2024-03-10 America's, and
// 2024-04-07 New Zealand's.
const TODAY = '2024-04-01';
const INVENTORY: IdentitySpec[] = [
  {
    id: 'svc-berlin',
    team: 'payments',
    lastRotated: '2024-03-02',
    intervalDays: 30,
  },
  {
    id: 'svc-pacific',
    team: 'payments',
    lastRotated: '2024-03-09',
    intervalDays: 30,
  },
  {
    id: 'svc-auckland',
    team: 'platform',
    lastRotated: '2024-01-08',
    intervalDays: 90,
  },
].map((i) => ({ ...i, lastReviewed: '2024-03-01' }));
const ZONES = ['Europe/Berlin', 'America/Los_Angeles', 'Pacific/Auckland'];

let scenarios: AuditScenario[] = [];
afterEach(async () => {
  for (const s of scenarios) {
    s.api.assertNoSchemaViolations();
    await s.close();
  }
  scenarios = [];
});

it('plans the same issues under three time zones across a clock change', async () => {
  const plans: string[][] = [];
  for (const tz of ZONES) {
    const s = await startAuditScenario();
    scenarios.push(s);
    s.write(INVENTORY);
    const run = await s.run({ inputs: { today: TODAY }, env: { TZ: tz } });
    expect(run.status).toBe(0);
    plans.push(s.api.state.issues().map((i) => `${i.title}\n${i.body}`));
  }

  expect(plans[1]).toEqual(plans[0]);
  expect(plans[2]).toEqual(plans[0]);
  const [payments = '', platform = ''] = plans[0] ?? [];
  expect(payments).toContain(
    '**svc\\-berlin**: rotate credential key: due every 30 days, last on 2024\\-03\\-02 (due 2024-04-01).',
  );
  expect(payments).toContain(
    '**svc\\-pacific**: rotate credential key by 2024\\-04\\-08 \\(every 30 days\\) (due by 2024-04-08).',
  );
  expect(platform).toContain(
    '**svc\\-auckland**: rotate credential key by 2024\\-04\\-07 \\(every 90 days\\) (due by 2024-04-07).',
  );
}, 60_000);
