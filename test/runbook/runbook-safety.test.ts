import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/config/workspace.js';
import { checkInventory } from '../../src/evaluate/check-inventory.js';
import { FsSource } from '../../src/load/fs-source.js';
import { buildRunbooks } from '../../src/runbook/build-runbooks.js';
import { WITHHELD } from '../../src/runbook/safe-text.js';
import { copyExamples, readInventory, TODAY } from './example-inventory.js';

const FILE = 'identities/payments-platform/svc-payments-ledger-reader.yaml';
// Built at run time so that no secret-shaped literal sits in the repository.
const TOKEN = ['ghp', '_', 'R8sKq2VwXz7LmN4pT9bYc3HdJ6fGa1QeU5oi'].join('');

function plant(root: string, from: string, to: string): void {
  const file = path.join(root, FILE);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

function ledgerPage(root: string): string {
  const { workspace, identities } = readInventory(root);
  return (
    buildRunbooks(identities, workspace).pages.get(
      'svc-payments-ledger-reader.md',
    ) ?? ''
  );
}

describe('runbook safety', () => {
  it('never prints a secret-looking storage ref, which the check fails anyway', () => {
    const root = copyExamples();
    plant(root, 'ref: kv/payments/ledger-reader', `ref: ${TOKEN}`);

    const page = ledgerPage(root);
    expect(page).not.toContain(TOKEN);
    expect(page).not.toContain(TOKEN.slice(4));
    expect(page).toContain(`- Stored in: vault, at ${WITHHELD}`);

    const source = new FsSource(root);
    const report = checkInventory(source, loadWorkspace(source), TODAY);
    const leak = report.findings.find(
      (f) => f.file === FILE && f.ruleId === 'NHI-131',
    );
    expect(leak?.message).toBe(
      'this line holds what looks like a GitHub token; the value is not shown here',
    );
  });

  it('withholds a token hidden inside a longer text', () => {
    const root = copyExamples();
    plant(
      root,
      'Quarterly review; dataset access unchanged',
      `Pasted ${TOKEN} by mistake; dataset access unchanged`,
    );
    const page = ledgerPage(root);
    expect(page).not.toContain(TOKEN);
    expect(page).toContain(`| ${WITHHELD} |`);
  });

  it('escapes HTML, mentions, links and table breaks from the files', () => {
    const root = copyExamples();
    plant(
      root,
      'displayName: Ledger reader for nightly reconciliation',
      `displayName: '<img src=x onerror=alert(1)> @everyone | [x](https://evil.example) #12'`,
    );
    const page = ledgerPage(root);
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(page).toContain(
      '@\u200beveryone \\| \\[x\\]\\(https:\u200b//evil\\.example\\) \\#\u200b12',
    );
  });
});
