import { checkInventory } from '../evaluate/check-inventory.js';
import { refreshRunbooks } from '../runbook/refresh-runbooks.js';
import type { OpenInventory } from './inventory.js';
import type { Io } from './io.js';

/**
 * After a command changed an identity file: refreshes the runbooks when
 * the inventory keeps them, prints what the check says about the file, and
 * the next step. Returns 0, or 1 when the file now has an error.
 */
export function reportChange(
  { source, workspace, today }: OpenInventory,
  file: string,
  io: Io,
): number {
  const folder = workspace.config.runbooksDir;
  if (folder !== null) {
    const { written } = refreshRunbooks(source, workspace, today, folder);
    const changed = written.written.map((page) => `${folder}/${page}`);
    if (changed.length > 0)
      io.out(`Runbooks updated: ${changed.join(', ')}.\n`);
  }
  const report = checkInventory(source, workspace, today);
  const findings = report.findings.filter(
    (f) => f.file === file && f.waivedBy === undefined,
  );
  if (findings.length === 0) {
    io.out(`The check finds no problem in ${file} on ${today}.\n`);
  } else {
    io.out(`The check reports for ${file} on ${today}:\n`);
    for (const f of findings) {
      io.out(
        `  ${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}\n`,
      );
    }
  }
  io.out('Next: commit the changed files and open a pull request.\n');
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
