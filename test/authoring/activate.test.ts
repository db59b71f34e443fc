import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadWorkspace } from '../../src/config/workspace.js';
import { checkInventory } from '../../src/evaluate/check-inventory.js';
import { FsSource } from '../../src/load/fs-source.js';
import { todayUtc } from '../../src/time/day.js';
import { copyExamples, EXAMPLES } from '../runbook/example-inventory.js';
import { lineChanges } from './line-changes.js';

const WORKER = 'identities/payments-platform/wi-payments-refund-worker.yaml';
const DATE = '2026-11-30';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    isTty: false,
    env: {},
  });
  return { code, out, err };
}

function errorsFor(root: string, file: string): string[] {
  const source = new FsSource(root);
  return checkInventory(source, loadWorkspace(source), todayUtc())
    .findings.filter((f) => f.file === file && f.severity === 'error')
    .map((f) => `${f.ruleId} ${f.message}`);
}

describe('nhi-policy activate', () => {
  it('refuses, and says which flags to add, while the check would fail', async () => {
    const root = copyExamples();
    const { code, err } = await run([
      'activate',
      'wi-payments-refund-worker',
      '--dir',
      root,
      '--by',
      'yuki-tanaka',
      '--date',
      DATE,
    ]);
    expect(code).toBe(2);
    expect(err).toBe(
      `nhi-policy: once active, ${WORKER} would fail the check, so nothing was changed:\n` +
        '  NHI-110 approval is missing: record the ticket, approvers and date of the approval (give --ticket and --approved-by)\n',
    );
    expect(readFileSync(path.join(root, WORKER), 'utf8')).toBe(
      readFileSync(path.join(EXAMPLES, WORKER), 'utf8'),
    );
  });

  it('marks a requested identity active with the approval, and the check passes', async () => {
    const root = copyExamples();
    const { code, out } = await run([
      'activate',
      path.join(root, WORKER),
      '--by',
      'yuki-tanaka',
      '--ticket',
      'PAY-2801',
      '--approved-by',
      'dana-whitfield',
      '--approved-by',
      'grace-nakamura',
      '--date',
      DATE,
    ]);
    expect(code).toBe(0);
    expect(out).toContain(
      `Recorded the creation done on ${DATE} in ${WORKER}.\n`,
    );
    expect(out).toContain(`The check finds no problem in ${WORKER} on `);
    const before = readFileSync(path.join(EXAMPLES, WORKER), 'utf8');
    const after = readFileSync(path.join(root, WORKER), 'utf8');
    expect(lineChanges(before, after)).toEqual({
      removed: ['status: requested'],
      added: [
        'status: active',
        `    created: ${DATE}`,
        `  lastReviewed: ${DATE}`,
        '  reviewedBy: yuki-tanaka',
        'approval:',
        '  ticket: PAY-2801',
        '  approvedBy:',
        '    - dana-whitfield',
        '    - grace-nakamura',
        `  approvedOn: ${DATE}`,
        'history:',
        '  - action: created',
        `    date: ${DATE}`,
        '    by: yuki-tanaka',
        '    evidence: PAY-2801',
      ],
    });
    expect(errorsFor(root, WORKER)).toEqual([]);
  });

  it('adds where use is logged, and refuses an identity already active', async () => {
    const root = copyExamples();
    const file =
      'identities/developer-experience/ci-buildkite-agent-registration.yaml';
    const text = readFileSync(path.join(root, file), 'utf8');
    expect(text).not.toContain('logRef');
    const first = await run([
      'activate',
      path.join(root, file),
      '--by',
      'mei-chen',
      '--verified-by',
      'noah-jensen',
      '--evidence',
      'DX-900',
      '--log',
      'Buildkite audit log, filter agent-token',
      '--date',
      DATE,
    ]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const after = readFileSync(path.join(root, file), 'utf8');
    expect(after).toContain(
      'audit:\n  logRef: Buildkite audit log, filter agent-token\n',
    );
    expect(after).toContain(
      '    verifiedBy: noah-jensen\n    evidence: DX-900\n',
    );
    expect(errorsFor(root, file)).toEqual([]);

    const again = await run([
      'activate',
      path.join(root, file),
      '--by',
      'mei-chen',
    ]);
    expect(again.code).toBe(2);
    expect(again.err).toBe(
      'nhi-policy: the identity\'s status is "active", not "requested": only a requested identity can be activated\n',
    );
  });
});
