import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { IDENTITY, fixture, makeInventory } from '../helpers/inventory.js';

const ZONES = ['Pacific/Auckland', 'America/Los_Angeles', 'Europe/Berlin'];

describe('time rules do not depend on the time zone', () => {
  it('G6: the same verdict and text under every TZ, across a clock change', () => {
    // Rotated 2024-03-02, every 30 days; checked on 2024-04-01, one day
    // after Europe's clocks went forward: 30 whole days, overdue.
    const root = makeInventory({
      [IDENTITY]: fixture('identities/clean-service-account.yaml')
        .replace('lastReviewed: 2026-11-01', 'lastReviewed: 2024-03-15')
        .replace('lastRotated: 2026-10-01', 'lastRotated: 2024-03-02')
        .replace(
          'rotation: { intervalDays: 90 }',
          'rotation: { intervalDays: 30 }',
        ),
    });
    const args = ['check', root, '--today', '2024-04-01', '--format', 'json'];
    const [first, ...others] = ['UTC', ...ZONES].map((TZ) =>
      runCli(args, { TZ }),
    );

    expect(first?.code).toBe(1);
    const report = JSON.parse(first?.stdout ?? '') as {
      findings: { ruleId: string; message: string }[];
    };
    expect(report.findings.map((f) => [f.ruleId, f.message])).toEqual([
      [
        'NHI-141',
        'credentials[0].lastRotated "2024-03-02" is 30 days ago; the limit is 30 days, reached on 2024-04-01',
      ],
    ]);
    for (const other of others) expect(other).toEqual(first);
  });
});
