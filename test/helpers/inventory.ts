import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { onTestFinished } from 'vitest';
import { CONFIG_FILES } from '../../src/config/config.js';
import { loadWorkspace, type Workspace } from '../../src/config/workspace.js';
import {
  checkInventory,
  type CheckReport,
} from '../../src/evaluate/check-inventory.js';
import { FsSource } from '../../src/load/fs-source.js';
import type { Finding } from '../../src/model/finding.js';

/** The evaluation date every test uses unless it says otherwise. */
export const TODAY = '2026-12-01';

/** The path the fixtures' identity (svc-billing-report-reader) lives at. */
export const IDENTITY = 'identities/svc-billing-report-reader.yaml';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** The text of a file under test/fixtures. */
export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/**
 * Writes files into a new temporary folder, removed when the test ends.
 * owners.yaml comes from the fixtures unless the test gives its own (or
 * null for none).
 */
export function makeInventory(
  files: Record<string, string | Buffer | null>,
): string {
  const root = mkdtempSync(path.join(tmpdir(), 'nhi-test-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  const all = { 'owners.yaml': fixture('owners.yaml'), ...files };
  for (const [file, content] of Object.entries(all)) {
    if (content === null) continue;
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return root;
}

/** Loads the workspace at root and checks its inventory. */
export function checkDir(root: string, today = TODAY): CheckReport {
  const source = new FsSource(root);
  return checkInventory(source, loadWorkspace(source), today);
}

/** Makes an inventory from files and checks it. */
export function check(
  files: Record<string, string | Buffer | null>,
  today = TODAY,
): CheckReport {
  const source = new FsSource(makeInventory(files));
  return checkInventory(source, workspaceFor(files, source), today);
}

/** Loaded workspaces of the default layout, by the owners registry text. */
const workspaces = new Map<string, Workspace>();

/**
 * Loading a workspace compiles every policy, so inventories in the default
 * layout (no configuration file) with the same owners registry share one.
 * Any other inventory loads its own.
 */
function workspaceFor(
  files: Record<string, string | Buffer | null>,
  source: FsSource,
): Workspace {
  const owners = files['owners.yaml'];
  const configured = Object.keys(files).some((f) => CONFIG_FILES.includes(f));
  if (configured || owners === null) return loadWorkspace(source);
  const key = owners?.toString() ?? '';
  const workspace = workspaces.get(key) ?? loadWorkspace(source);
  workspaces.set(key, workspace);
  return workspace;
}

/** Checks one identity fixture placed at IDENTITY. */
export function checkFixture(name: string, today = TODAY): CheckReport {
  return check({ [IDENTITY]: fixture(`identities/${name}`) }, today);
}

/** The parts of a finding a test asserts, in one readable object. */
export function brief(f: Finding): {
  rule: string;
  at: string;
  message: string;
} {
  return {
    rule: f.ruleId,
    at: `${f.file}:${f.line}:${f.column}`,
    message: f.message,
  };
}

/** Every finding of a report as `brief` objects, in report order. */
export function briefs(report: CheckReport) {
  return report.findings.map(brief);
}
