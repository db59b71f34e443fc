import type { Workspace } from '../config/workspace.js';
import { CODE_RULES } from '../evaluate/code-rules.js';
import { findingAt } from '../evaluate/file-report.js';
import type { Source } from '../load/source.js';
import type { Finding } from '../model/finding.js';
import {
  buildRunbooks,
  INDEX_PAGE,
  pageOfFile,
  type ParsedIdentity,
  type RunbookPages,
} from './build-runbooks.js';
import { GENERATED_MARKER } from './render-runbook.js';

const MAX_PAGE_BYTES = 1024 * 1024;
const REGENERATE = 'run "nhi-policy runbook" and commit the pages it writes';

/** A stale page, before it becomes a finding: where, and what is wrong. */
interface Problem {
  file: string;
  message: string;
}

/** What the comparison reads, besides the pages it expects. */
interface Folder {
  source: Source;
  dir: string;
  pages: RunbookPages;
}

/**
 * NHI-210: every identity's runbook page and the index match what
 * `nhi-policy runbook` would write now. Runs only when the configuration
 * names a runbooks folder. `files` is every identity file found, parsed or
 * not; the index is compared only when all of them parsed.
 */
export function checkRunbooks(
  source: Source,
  workspace: Workspace,
  identities: readonly ParsedIdentity[],
  files: readonly string[],
): Finding[] {
  const dir = workspace.config.runbooksDir;
  const setting = workspace.config.rules[CODE_RULES.runbookStale.id] ?? {};
  if (dir === null || setting.enabled === false) return [];

  let problems: Problem[];
  if (source.list(dir) === null) {
    // One finding, not one per identity, for a folder never generated.
    problems = [
      {
        file: workspace.config.file ?? INDEX_PAGE,
        message: `the runbooks folder "${dir}" does not exist: ${REGENERATE}`,
      },
    ];
  } else {
    const { pages } = buildRunbooks(identities, workspace);
    const folder = { source, dir, pages };
    problems = [
      ...pageProblems(folder, identities),
      ...(identities.length === files.length ? indexProblem(folder) : []),
      ...orphanProblems(folder, files),
    ];
  }
  return problems.map(({ file, message }) =>
    findingAt(CODE_RULES.runbookStale, file, { line: 1, column: 1 }, message, {
      severity: setting.severity,
    }),
  );
}

function pageProblems(
  { source, dir, pages }: Folder,
  identities: readonly ParsedIdentity[],
): Problem[] {
  return identities.flatMap(({ file }) => {
    const expected = pages.get(pageOfFile(file));
    if (expected === undefined) return [];
    const page = inFolder(dir, pageOfFile(file));
    const actual = readPage(source, page);
    if (actual === expected) return [];
    const what = actual === null ? 'is missing' : 'no longer matches this file';
    return [{ file, message: `its runbook ${page} ${what}: ${REGENERATE}` }];
  });
}

function indexProblem({ source, dir, pages }: Folder): Problem[] {
  const index = inFolder(dir, INDEX_PAGE);
  const actual = readPage(source, index);
  if (actual === pages.get(INDEX_PAGE)) return [];
  const what =
    actual === null ? 'is missing' : 'no longer matches the inventory';
  return [{ file: index, message: `the runbook index ${what}: ${REGENERATE}` }];
}

/** Generated pages in the folder that no identity file accounts for. */
function orphanProblems(
  { source, dir, pages }: Folder,
  files: readonly string[],
): Problem[] {
  const known = new Set([...pages.keys(), ...files.map(pageOfFile)]);
  return (source.list(dir) ?? [])
    .filter((entry) => entry.type === 'file' && entry.path.endsWith('.md'))
    .filter(
      (entry) => !known.has(entry.path.slice(entry.path.lastIndexOf('/') + 1)),
    )
    .filter((entry) =>
      readPage(source, entry.path)?.startsWith(GENERATED_MARKER),
    )
    .map((entry) => ({
      file: entry.path,
      message: `this runbook belongs to no identity in the inventory: ${REGENERATE}, which removes it`,
    }));
}

/** A page's text with line endings as generated, or null when absent. */
function readPage(source: Source, path: string): string | null {
  let bytes: Buffer | null;
  try {
    bytes = source.readOptional(path, MAX_PAGE_BYTES);
  } catch {
    // Too large or unreadable: it cannot be a page this tool wrote.
    return '';
  }
  return bytes === null ? null : bytes.toString('utf8').replace(/\r\n/g, '\n');
}

/** A path inside the runbooks folder; '' is the top of the repository. */
function inFolder(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}
