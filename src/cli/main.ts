import { ConfigError } from '../model/config-error.js';
import { VERSION } from '../version.js';
import type { Io } from './io.js';
import { parseCliArgs, UsageError, USAGE } from './parse-args.js';
import { runAudit } from './run-audit.js';
import { runCheck } from './run-check.js';

export type { Io } from './io.js';

/** Runs the CLI and returns its exit code; the one place that decides it. */
export function main(argv: string[], io: Io): number {
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
    }
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
