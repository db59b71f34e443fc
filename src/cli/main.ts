import { ConfigError } from '../model/config-error.js';
import { InputError } from '../model/input-error.js';
import { VERSION } from '../version.js';
import type { Io } from './io.js';
import { parseCliArgs, UsageError, USAGE } from './parse-args.js';
import { runAudit } from './run-audit.js';
import { runCheck } from './run-check.js';
import { runNew } from './run-new.js';
import { runRecord } from './run-record.js';
import { runRunbook } from './run-runbook.js';

export type { Io } from './io.js';

/**
 * Runs the CLI and returns its exit code; the one place that decides it.
 * `new` asks questions, so its code arrives as a promise.
 */
export function main(argv: string[], io: Io): number | Promise<number> {
  try {
    const args = parseCliArgs(argv);
    switch (args.command) {
      case 'help':
        io.out(USAGE);
        return 0;
      case 'version':
        io.out(`${VERSION}\n`);
        return 0;
      case 'audit':
        return runAudit(args, io);
      case 'check':
        return runCheck(args, io);
      case 'runbook':
        return runRunbook(args, io);
      case 'new':
        return runNew(args, io).catch((error) => failure(error, io));
      case 'rotate':
      case 'review':
      case 'activate':
        return runRecord(args, io);
    }
  } catch (error) {
    return failure(error, io);
  }
}

/** The exit code of an expected error; anything else is a bug, rethrown. */
function failure(error: unknown, io: Io): number {
  if (error instanceof UsageError) {
    io.err(`nhi-policy: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (error instanceof ConfigError) {
    io.err(`nhi-policy: configuration error: ${error.describe()}\n`);
    return 2;
  }
  if (error instanceof InputError) {
    io.err(`nhi-policy: ${error.message}\n`);
    return 2;
  }
  throw error;
}
