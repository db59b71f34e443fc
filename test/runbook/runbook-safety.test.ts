import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/config/workspace.js';
import { checkInventory } from '../../src/evaluate/check-inventory.js';
import { FsSource } from '../../src/load/fs-source.js';
import { buildRunbooks } from '../../src/runbook/build-runbooks.js';
import { codeSpan } from '../../src/runbook/code-span.js';
import { WITHHELD } from '../../src/runbook/safe-text.js';
import {
  copyExamples,
  EXAMPLES,
  readInventory,
  TODAY,
} from './example-inventory.js';
import { liveMarkup, splitInline } from './markdown-inline.js';

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
    expect(page).toContain(`- Stored in: \`vault\`, at ${WITHHELD}`);

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

  it('keeps hostile values inert, and contacts exactly as written', () => {
    const root = copyExamples();
    const contacts = [
      '@everyone <img src=x> [x](javascript:alert(1))',
      'ops`team``@acme.example',
      '`+1 555` | ext 4 ',
    ];
    plant(
      root,
      "escalation:\n  - type: slack\n    target: '#payments-oncall'",
      [
        'escalation:',
        ...contacts.map(
          (target) =>
            `  - type: slack\n    target: '${target.replace(/'/g, "''")}'`,
        ),
      ].join('\n'),
    );
    plant(
      root,
      'displayName: Ledger reader for nightly reconciliation',
      "displayName: '<img src=x onerror=alert(1)> [x](javascript:alert(1)) **b** ~s~'",
    );
    plant(
      root,
      '    evidence: PAY-2533',
      "    evidence: 'PAY-2533 | `x` @everyone'",
    );
    plant(
      root,
      '    ref: acme/payments-reconciliation/.github/workflows/reconcile.yml',
      "    ref: '1. [x](https://evil.example) `cmd` \u200b #12'",
    );

    const page = ledgerPage(root);
    const lines = page.split('\n').slice(1);
    const problems = lines.flatMap((line) =>
      liveMarkup(splitInline(line).text).map((what) => `${what}: ${line}`),
    );
    expect(problems).toEqual([]);
    expect(page).not.toMatch(/\p{Cf}/u);
    const code = lines.flatMap((line) => splitInline(line).code);
    for (const target of contacts) expect(code).toContain(target);
    expect(code).toContain('PAY-2533 | `x` @everyone');
    expect(code).toContain('1. [x](https://evil.example) `cmd` \ufffd #12');
    expect(page).toContain(
      '**&lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:alert(1)) \\*\\*b\\*\\* \\~s\\~**',
    );
  });

  it('writes code spans GitHub reads back exactly', () => {
    expect(codeSpan('kv/payments/ledger-reader')).toBe(
      '`kv/payments/ledger-reader`',
    );
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(codeSpan(' padded ')).toBe('`  padded  `');
    expect(codeSpan('a|b', true)).toBe('`a\\|b`');
    expect(codeSpan('zero\u200bwidth')).toBe('`zero\ufffdwidth`');
    for (const value of ['a`b', '`x`', ' padded ', 'a``b`', 'a|b']) {
      expect(splitInline(codeSpan(value)).code).toEqual([value]);
    }
  });

  it('keeps every example page free of live markup and invisible characters', () => {
    const { workspace, identities } = readInventory(EXAMPLES);
    const { pages } = buildRunbooks(identities, workspace);
    for (const [name, page] of pages) {
      const lines = page.split('\n').slice(1);
      const problems = lines.flatMap((line) =>
        liveMarkup(splitInline(line).text).map((what) => `${name} ${what}`),
      );
      expect(problems).toEqual([]);
    }
  });
});
