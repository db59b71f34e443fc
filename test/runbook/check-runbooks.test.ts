import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/config/workspace.js';
import { checkInventory } from '../../src/evaluate/check-inventory.js';
import { FsSource } from '../../src/load/fs-source.js';
import type { Source } from '../../src/load/source.js';
import { copyExamples, EXAMPLES, TODAY } from './example-inventory.js';

const FILE = 'identities/payments-platform/svc-payments-ledger-reader.yaml';
const CONFIG = 'nhi-policy.yaml';

function stale(root: string, source: Source = new FsSource(root)) {
  return checkInventory(source, loadWorkspace(new FsSource(root)), TODAY)
    .findings.filter((f) => f.ruleId === 'NHI-210')
    .map((f) => `${f.severity} ${f.file}:${f.line} ${f.message}`);
}

function edit(root: string, file: string, change: (text: string) => string) {
  const target = path.join(root, file);
  writeFileSync(target, change(readFileSync(target, 'utf8')));
}

describe('NHI-210 runbook-stale', () => {
  it('finds the committed example runbooks fresh', () => {
    expect(stale(EXAMPLES)).toEqual([]);
  });

  it('warns at the identity file when its page no longer matches', () => {
    const root = copyExamples();
    edit(root, FILE, (t) =>
      t.replace('purpose: >-', 'purpose: >-\n  Renamed.'),
    );
    expect(stale(root)).toEqual([
      `warning ${FILE}:1 its runbook runbooks/svc-payments-ledger-reader.md no longer matches this file: run "nhi-policy runbook" and commit the pages it writes`,
    ]);
  });

  it('warns at the index too when a due date moves', () => {
    const root = copyExamples();
    edit(root, FILE, (t) =>
      t.replace('lastRotated: 2026-10-01', 'lastRotated: 2026-11-01'),
    );
    expect(stale(root).map((f) => f.split(' ')[1])).toEqual([
      `${FILE}:1`,
      'runbooks/README.md:1',
    ]);
  });

  it('warns when a change to the owners registry changes a page', () => {
    const root = copyExamples();
    edit(root, 'owners.yaml', (t) =>
      t.replace('name: Dana Whitfield', 'name: Dana Whitfield-Ortiz'),
    );
    const files = stale(root).map((f) => f.split(' ')[1]);
    expect(files).toContain(`${FILE}:1`);
  });

  it('warns when a page is missing, and when a page has no identity', () => {
    const root = copyExamples();
    rmSync(path.join(root, 'runbooks/bot-merge-robot.md'));
    writeFileSync(
      path.join(root, 'runbooks/svc-retired-long-ago.md'),
      readFileSync(path.join(root, 'runbooks/svc-payments-ledger-reader.md')),
    );
    writeFileSync(path.join(root, 'runbooks/notes.md'), '# Our own notes\n');
    expect(stale(root)).toEqual([
      'warning identities/release-engineering/bot-merge-robot.yaml:1 its runbook runbooks/bot-merge-robot.md is missing: run "nhi-policy runbook" and commit the pages it writes',
      'warning runbooks/svc-retired-long-ago.md:1 this runbook belongs to no identity in the inventory: run "nhi-policy runbook" and commit the pages it writes, which removes it',
    ]);
  });

  it('warns once when the runbooks folder was never generated', () => {
    const root = copyExamples();
    rmSync(path.join(root, 'runbooks'), { recursive: true });
    expect(stale(root)).toEqual([
      `warning ${CONFIG}:1 the runbooks folder "runbooks" does not exist: run "nhi-policy runbook" and commit the pages it writes`,
    ]);
  });

  it('warns at the index when an identity is added', () => {
    const root = copyExamples();
    const copy = 'identities/payments-platform/svc-payments-ledger-copier.yaml';
    writeFileSync(
      path.join(root, copy),
      readFileSync(path.join(root, FILE), 'utf8')
        .replace(
          'id: svc-payments-ledger-reader',
          'id: svc-payments-ledger-copier',
        )
        .replace(
          'ref: kv/payments/ledger-reader',
          'ref: kv/payments/ledger-copier',
        ),
    );
    expect(stale(root)).toEqual([
      'warning identities/payments-platform/svc-payments-ledger-copier.yaml:1 its runbook runbooks/svc-payments-ledger-copier.md is missing: run "nhi-policy runbook" and commit the pages it writes',
      'warning runbooks/README.md:1 the runbook index no longer matches the inventory: run "nhi-policy runbook" and commit the pages it writes',
    ]);
  });

  it('follows the severity and switch in policies.rules', () => {
    const root = copyExamples();
    edit(root, FILE, (t) =>
      t.replace('lastRotated: 2026-10-01', 'lastRotated: 2026-11-01'),
    );
    edit(
      root,
      CONFIG,
      (t) => `${t}policies:\n  rules:\n    NHI-210: { severity: error }\n`,
    );
    expect(stale(root)[0]).toMatch(/^error /);
    edit(root, CONFIG, (t) => t.replace('severity: error', 'enabled: false'));
    expect(stale(root)).toEqual([]);
  });

  it('reads nothing of the runbooks folder when the configuration names none', () => {
    const root = copyExamples();
    edit(root, CONFIG, (t) => t.replace('runbooks: runbooks\n', ''));
    edit(root, FILE, (t) =>
      t.replace('lastRotated: 2026-10-01', 'lastRotated: 2026-11-01'),
    );
    const reads: string[] = [];
    const base = new FsSource(root);
    const spy: Source = {
      list: (dir) => (reads.push(dir), base.list(dir)),
      read: (file, max) => (reads.push(file), base.read(file, max)),
      readOptional: (file, max) => (
        reads.push(file),
        base.readOptional(file, max)
      ),
    };
    expect(stale(root, spy)).toEqual([]);
    expect(reads.filter((p) => p.startsWith('runbooks'))).toEqual([]);
  });
});
