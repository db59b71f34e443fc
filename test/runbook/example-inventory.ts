import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { onTestFinished } from 'vitest';
import { loadWorkspace, type Workspace } from '../../src/config/workspace.js';
import { checkInventory } from '../../src/evaluate/check-inventory.js';
import { FsSource } from '../../src/load/fs-source.js';
import type { ParsedIdentity } from '../../src/runbook/build-runbooks.js';

/** The template inventory of the repository. */
export const EXAMPLES = path.resolve(import.meta.dirname, '../../examples');

/** The bundled CLI, run as a user runs it. */
export const CLI = path.resolve(import.meta.dirname, '../../dist/cli.js');

/** The evaluation date the examples are written for. */
export const TODAY = '2026-12-01';

/** A copy of examples/ in a temporary folder, removed when the test ends. */
export function copyExamples(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'nhi-examples-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  cpSync(EXAMPLES, root, { recursive: true });
  return root;
}

/** Every identity of an inventory as the check reads it, and its workspace. */
export function readInventory(root: string): {
  workspace: Workspace;
  identities: ParsedIdentity[];
} {
  const source = new FsSource(root);
  const workspace = loadWorkspace(source);
  const identities: ParsedIdentity[] = [];
  checkInventory(source, workspace, TODAY, {
    visit: (file, doc) => identities.push({ file, doc }),
  });
  return { workspace, identities };
}

/** The text between a `## n.` heading and the next one. */
export function section(page: string, heading: string): string {
  const start = page.indexOf(`\n## ${heading}`);
  if (start === -1) throw new Error(`no section "${heading}"`);
  const end = page.indexOf('\n## ', start + 1);
  return page.slice(start, end === -1 ? undefined : end);
}
