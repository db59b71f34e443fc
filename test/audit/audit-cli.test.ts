import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = path.resolve(import.meta.dirname, '../../dist/cli.js');
const EXAMPLES = path.resolve(import.meta.dirname, '../../examples');

function audit(args: string[], tz = 'UTC') {
  const result = spawnSync(
    process.execPath,
    [CLI, 'audit', EXAMPLES, ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, TZ: tz },
    },
  );
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('nhi-policy audit (bundle)', () => {
  it('prints the per-team report of the example inventory', () => {
    const { code, out } = audit(['--today', '2026-12-01']);
    expect(code).toBe(0);
    expect(out).toContain('payments-platform: 1 overdue, 0 due soon');
    expect(out).toContain(
      '2026-10-13  error   svc-payments-settlement-exporter: rotate credential sa-key: due every 90 days, last on 2026-07-15',
    );
    expect(out).toContain('security: 1 overdue, 0 due soon');
    expect(out.trimEnd().split('\n').at(-1)).toBe(
      '8 items due across 6 teams.',
    );
  });

  it('gives the same verdicts under three time zones across a clock change', () => {
    const runs = [
      'Europe/Berlin',
      'America/Los_Angeles',
      'Pacific/Auckland',
    ].map((tz) => audit(['--today', '2026-03-29', '--format', 'json'], tz).out);
    expect(runs[0]).toContain('"today": "2026-03-29"');
    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).toBe(runs[0]);
  });

  it('writes an iCalendar file with CRLF lines and stable event ids', () => {
    const { out } = audit(['--today', '2026-12-01', '--format', 'ical']);
    expect(out.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(out).toContain('DTSTART;VALUE=DATE:20261013\r\n');
    expect(
      out.split('\r\n').every((line) => Buffer.byteLength(line) <= 75),
    ).toBe(true);
  });

  it('fails only when asked to, with --fail-on', () => {
    expect(audit(['--today', '2026-12-01', '--fail-on', 'error']).code).toBe(1);
    expect(audit(['--today', '2026-12-01', '--format', 'pdf']).code).toBe(2);
  });
});
