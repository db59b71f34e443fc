import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../model/input-error.js';
import type { RunbookPages } from './build-runbooks.js';
import { GENERATED_MARKER } from './render-runbook.js';

/** What writing the pages changed on disk, by page file name. */
export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/**
 * Writes generated pages into a folder, replacing pages this tool wrote
 * before and removing those no identity needs any more. Throws InputError
 * rather than overwrite a file it did not write, or follow a link.
 */
export function writeRunbooks(
  folder: string,
  pages: RunbookPages,
): WriteResult {
  refuseLink(folder);
  fs.mkdirSync(folder, { recursive: true });
  const existing = generatedPages(folder);
  // Refuse before writing anything, so a refusal leaves the folder as it was.
  for (const name of pages.keys()) {
    const target = path.join(folder, name);
    if (!existing.has(name) && present(target)) {
      throw new InputError(
        `${target} exists and was not written by nhi-policy: move it out of the runbooks folder, then run the command again`,
      );
    }
  }
  const result: WriteResult = { written: [], unchanged: [], removed: [] };
  for (const [name, text] of pages) {
    if (existing.get(name) === text) {
      result.unchanged.push(name);
      continue;
    }
    fs.writeFileSync(path.join(folder, name), text);
    result.written.push(name);
  }
  for (const name of existing.keys()) {
    if (pages.has(name)) continue;
    fs.rmSync(path.join(folder, name));
    result.removed.push(name);
  }
  return result;
}

/** Pages in the folder that carry the generated marker, by name. */
function generatedPages(folder: string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const text = fs.readFileSync(path.join(folder, entry.name), 'utf8');
    if (text.startsWith(GENERATED_MARKER)) pages.set(entry.name, text);
  }
  return pages;
}

function refuseLink(folder: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(folder);
  } catch {
    return;
  }
  if (stat.isSymbolicLink() || !stat.isDirectory()) {
    throw new InputError(
      `${folder} is not a plain folder (it is a link or a file): runbooks are written only into a real folder inside the inventory`,
    );
  }
}

/** True for anything at the path, a dangling link included. */
function present(target: string): boolean {
  try {
    fs.lstatSync(target);
    return true;
  } catch {
    return false;
  }
}
