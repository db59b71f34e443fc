import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** The committed bundle, run the way a user or the runner runs it. */
export const CLI = path.resolve(import.meta.dirname, '../../dist/cli.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node dist/cli.js` with the given arguments and a small, fixed
 * environment (plus `env`), its output piped rather than on a terminal.
 */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
  cwd?: string,
): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    cwd,
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', ...env },
    timeout: 15_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
