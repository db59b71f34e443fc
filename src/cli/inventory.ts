import { existsSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadWorkspace, type Workspace } from '../config/workspace.js';
import { FsSource } from '../load/fs-source.js';
import { InputError } from '../model/input-error.js';
import { todayUtc, toDay } from '../time/day.js';
import { UsageError } from './parse-args.js';
import type { Io } from './io.js';

/** An inventory folder opened for a command, with its evaluation date. */
export interface OpenInventory {
  source: FsSource;
  workspace: Workspace;
  today: string;
}

/** Opens the folder a command names; backslashes are read as slashes. */
export function openInventory(
  dir: string,
  today: string | undefined,
): OpenInventory {
  const root = path.resolve(dir.replace(/\\/g, '/'));
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new InputError(
      `${dir} is not a folder: name the folder that holds the inventory (with nhi-policy.yaml and owners.yaml)`,
    );
  }
  const source = new FsSource(root);
  const day = today ?? todayUtc();
  if (toDay(day) === null)
    throw new UsageError(`--today "${day}" is not a real date`);
  return { source, workspace: loadWorkspace(source), today: day };
}

/**
 * The evaluation date for a person: "2026-12-01 (UTC, from --today)", or
 * today's date with where it came from and how to choose another.
 */
export function describeToday(given: string | undefined, today: string) {
  return given === undefined
    ? `today, ${today} (UTC, from this computer's clock; give --today YYYY-MM-DD for another day)`
    : `${today} (UTC, from --today)`;
}

/** Writes a report to the named file, or to standard output. */
export function emit(io: Io, output: string | undefined, text: string): void {
  if (!output) return io.out(text);
  try {
    writeFileSync(output, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError(
      `cannot write the report to ${output} (${code}): name a file in a folder that exists`,
    );
  }
}
