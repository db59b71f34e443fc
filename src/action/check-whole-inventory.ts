import * as path from 'node:path';
import { loadWorkspace } from '../config/workspace.js';
import { checkInventory } from '../evaluate/check-inventory.js';
import { FsSource } from '../load/fs-source.js';
import { describeTally, tally } from '../report/tally.js';
import { decideOutcome, type Outcome } from './outcome.js';
import { repoRelativeReport, withRepoPaths } from './repo-paths.js';
import type { Log } from './runtime.js';
import { failOnFor, type Settings } from './settings.js';

/**
 * Checks the whole inventory in the checkout, as a scheduled or manual run
 * does: every finding is judged, none is pre-existing. Files are read with
 * the same link-refusing source as the CLI. The rolling issue per owning
 * team is the scheduled audit's job and is not done here.
 */
export function checkWholeInventory(settings: Settings, log: Log): Outcome {
  const { directory } = settings;
  const source = new FsSource(path.join(settings.path, directory));
  const workspace = log.group('Load the configuration and policies', () =>
    withRepoPaths(directory, () => loadWorkspace(source)),
  );
  const report = log.group('Check the whole inventory', () => {
    const checked = checkInventory(source, workspace, settings.today);
    log.info(
      `Checked ${checked.files.checked} identity files on ${checked.today}: ` +
        `${describeTally(tally(checked.findings))}.`,
    );
    return repoRelativeReport(checked, directory);
  });
  return decideOutcome({
    mode: 'inventory',
    report,
    introduced: report.findings,
    existing: [],
    failOn: failOnFor(settings, workspace.config),
    failOnExisting: false,
    pullRequest: null,
  });
}
