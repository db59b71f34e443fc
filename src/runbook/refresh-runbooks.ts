import * as path from 'node:path';
import type { Workspace } from '../config/workspace.js';
import { checkInventory } from '../evaluate/check-inventory.js';
import type { FsSource } from '../load/fs-source.js';
import {
  buildRunbooks,
  type ParsedIdentity,
  type RunbookSet,
} from './build-runbooks.js';
import { writeRunbooks, type WriteResult } from './write-runbooks.js';

/** The runbooks built, and what writing them changed. */
export interface Refreshed {
  set: RunbookSet;
  written: WriteResult;
}

/**
 * Writes the runbooks of the inventory on disk into `folder` (relative to
 * the inventory), from the documents exactly as the check reads them.
 */
export function refreshRunbooks(
  source: FsSource,
  workspace: Workspace,
  today: string,
  folder: string,
): Refreshed {
  const identities: ParsedIdentity[] = [];
  checkInventory(source, workspace, today, {
    visit: (file, doc) => identities.push({ file, doc }),
  });
  const set = buildRunbooks(identities, workspace);
  const written = writeRunbooks(path.join(source.root, folder), set.pages);
  return { set, written };
}
