import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadWorkspace } from '../config/workspace.js';
import { checkInventory } from '../evaluate/check-inventory.js';
import { FsSource } from '../load/fs-source.js';
import { ConfigError } from '../model/config-error.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { fails } from '../report/tally.js';
import { renderText } from '../report/text.js';
import { todayUtc, toDay } from '../time/day.js';
import { VERSION } from '../version.js';
import {
  parseCliArgs,
  UsageError,
  USAGE,
  type CheckArgs,
} from './parse-args.js';

/** Where the CLI writes; injectable so tests can capture it. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  isTty: boolean;
  env: NodeJS.ProcessEnv;
}

/** Runs the CLI and returns its exit code; the one place that decides it. */
export function main(argv: string[], io: Io): number {
  try {
    const args = parseCliArgs(argv);
    if (args.command === 'help') return (io.out(USAGE), 0);
    if (args.command === 'version') return (io.out(`${VERSION}\n`), 0);
    return runCheck(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`nhi-policy: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.err(`nhi-policy: configuration error: ${error.describe()}\n`);
      return 2;
    }
    throw error;
  }
}

function runCheck(args: CheckArgs, io: Io): number {
  const root = path.resolve(args.dir.replace(/\\/g, '/'));
  const source = new FsSource(root);
  const workspace = loadWorkspace(source);
  const today = args.today ?? todayUtc();
  if (toDay(today) === null)
    throw new UsageError(`--today "${today}" is not a real date`);
  const report = checkInventory(source, workspace, today);
  const failOn = args.failOn ?? workspace.config.failOn;

  const color =
    args.color ?? (io.isTty && !io.env.NO_COLOR && io.env.TERM !== 'dumb');
  const rendered = {
    text: () => renderText(report, color && !args.output),
    json: () => renderJson(report, failOn),
    sarif: () => renderSarif(report, VERSION),
    markdown: () => renderMarkdown(report, failOn),
  }[args.format]();

  if (args.output) {
    writeFileSync(args.output, rendered);
  } else {
    io.out(rendered);
  }
  return fails(report.findings, failOn) ? 1 : 0;
}
