import { normalizeRepoPath } from '../load/discover.js';
import { refreshRunbooks } from '../runbook/refresh-runbooks.js';
import { openInventory } from './inventory.js';
import type { Io } from './io.js';
import type { RunbookArgs } from './parse-authoring-args.js';

/**
 * `nhi-policy runbook`: writes one page per identity and the index into
 * the runbooks folder of the inventory. Pages depend on the files alone;
 * --today only dates the summary line of what is due.
 */
export function runRunbook(args: RunbookArgs, io: Io): number {
  const { source, workspace, today } = openInventory(args.dir, args.today);
  const folder = normalizeRepoPath(
    args.out ?? workspace.config.runbooksDir ?? 'runbooks',
    'runbooks folder',
  );
  const { set, written } = refreshRunbooks(source, workspace, today, folder);
  const due = set.rows.filter((r) => r.next && (r.next.due ?? '') <= today);

  io.out(
    `Wrote ${set.pages.size} runbook pages to ${folder || '.'}/: ` +
      `${written.written.length} changed, ${written.unchanged.length} unchanged, ` +
      `${written.removed.length} removed.\n` +
      `${due.length} identities have a task due on or before ${today} (UTC)` +
      `${due.length > 0 ? `: ${due.map((r) => r.id).join(', ')}` : ''}.\n`,
  );
  if (workspace.config.runbooksDir === null) {
    io.out(
      `To have the check report pages that no longer match their identity (NHI-210), add "runbooks: ${folder}" to the configuration file.\n`,
    );
  }
  return 0;
}
