import type { Workspace } from '../config/workspace.js';
import { readIdentityRecord } from './identity-record.js';
import { renderRunbook } from './render-runbook.js';
import { renderRunbookIndex, type IndexRow } from './render-runbook-index.js';
import { nextDue, scheduleOf } from './schedule.js';
import { securityTeamOf } from './security-team.js';

/** An identity file that parsed, with its document. */
export interface ParsedIdentity {
  file: string;
  doc: Record<string, unknown>;
}

/** Generated pages by file name inside the runbooks folder. */
export type RunbookPages = Map<string, string>;

/** The pages, and the index rows they were built from. */
export interface RunbookSet {
  pages: RunbookPages;
  rows: IndexRow[];
}

/** The index page's file name: GitHub shows it when the folder is opened. */
export const INDEX_PAGE = 'README.md';

// Ids become file names, so only ids the schema allows get a page.
const PAGE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Renders the runbook of every identity and the index, from the identity
 * documents and the owners registry. An id used twice gets the page of its
 * first file (the check reports the duplicate).
 */
export function buildRunbooks(
  identities: readonly ParsedIdentity[],
  workspace: Workspace,
): RunbookSet {
  const { owners } = workspace;
  const securityTeam = securityTeamOf(workspace.config);
  const pages: RunbookPages = new Map();
  const rows: IndexRow[] = [];
  for (const { file, doc } of identities) {
    const record = readIdentityRecord(file, doc);
    const page = `${record?.id}.md`;
    if (!record || !PAGE_ID.test(record.id) || pages.has(page)) continue;
    const schedule = scheduleOf(file, doc, owners, securityTeam);
    pages.set(page, renderRunbook({ record, owners, schedule, securityTeam }));
    const { id, kind, environment, team, status } = record;
    rows.push({
      id,
      page,
      kind,
      environment,
      team,
      status,
      next: nextDue(schedule),
    });
  }
  pages.set(INDEX_PAGE, renderRunbookIndex(rows));
  return { pages, rows };
}

/** The page name an identity file would get, from its file name. */
export function pageOfFile(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return `${name.replace(/\.ya?ml$/i, '')}.md`;
}
