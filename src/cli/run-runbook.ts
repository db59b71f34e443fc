import { normalizeRepoPath } from '../load/discover.js';
import { INDEX_PAGE } from '../runbook/build-runbooks.js';
import { refreshRunbooks } from '../runbook/refresh-runbooks.js';
import { describeToday, openInventory } from './inventory.js';
import type { Io } from './io.js';
import type { RunbookArgs } from './parse-authoring-args.js';

/**
 * `nhi-policy runbook`: writes one page per identity and the index into
 * the runbooks folder of the inventory. Pages depend on the files alone;
 * the date (--today, else this computer's) only dates the line that says
 * which identities have a task due.
 */
export function runRunbook(args: RunbookArgs, io: Io): number {
  const { source, workspace, today } = openInventory(args.dir, args.today);
  const folder = normalizeRepoPath(
    args.out ?? workspace.config.runbooksDir ?? 'runbooks',
    'runbooks folder',
  );
  const { set, written } = refreshRunbooks(source, workspace, today, folder);
  const due = set.rows.filter((r) => r.next && (r.next.due ?? '') <= today);
  const index = `${folder ? `${folder}/` : ''}${INDEX_PAGE}`;

  io.out(
    `Wrote ${set.pages.size} runbook pages to ${folder || '.'}/: ` +
      `${written.written.length} changed, ${written.unchanged.length} unchanged, ` +
      `${written.removed.length} removed.\n` +
      `Due on or before ${describeToday(args.today, today)}: ` +
      `${due.length} ${due.length === 1 ? 'identity has' : 'identities have'} a task` +
      `${due.length > 0 ? ` (${due.map((r) => r.id).join(', ')}); "Next due" in ${index} says what each needs` : ''}.\n`,
  );
  if (workspace.config.runbooksDir === null) {
    io.out(
      `To have the check report pages that no longer match their identity (NHI-210), add "runbooks: ${folder}" to the configuration file.\n`,
    );
  }
  return 0;
}
