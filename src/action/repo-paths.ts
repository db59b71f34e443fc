import type { CheckReport } from '../evaluate/check-inventory.js';
import { ConfigError } from '../model/config-error.js';

/**
 * The configuration may live in a folder below the repository's top (the
 * `directory` input); the engine then sees paths relative to that folder.
 * These helpers turn them into repository-relative paths, which is what
 * annotations, SARIF and people expect, and back.
 */
export function toRepoPath(directory: string, path: string): string {
  return directory === '' ? path : `${directory}/${path}`;
}

/** The path inside `directory`, or null when the path is outside it. */
export function toInventoryPath(
  directory: string,
  path: string,
): string | null {
  if (directory === '') return path;
  return path.startsWith(`${directory}/`)
    ? path.slice(directory.length + 1)
    : null;
}

/** The report with every file path made repository-relative. */
export function repoRelativeReport(
  report: CheckReport,
  directory: string,
): CheckReport {
  if (directory === '') return report;
  return {
    ...report,
    findings: report.findings.map((f) => ({
      ...f,
      file: toRepoPath(directory, f.file),
      ...(f.waivedBy ? { waivedBy: toRepoPath(directory, f.waivedBy) } : {}),
    })),
    files: {
      ...report.files,
      skipped: report.files.skipped.map((s) => ({
        ...s,
        path: toRepoPath(directory, s.path),
      })),
    },
  };
}

/** Runs a load step, naming files in its ConfigError by repository path. */
export function withRepoPaths<T>(directory: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (
      error instanceof ConfigError &&
      error.file &&
      !error.file.startsWith('<')
    ) {
      error.file = toRepoPath(directory, error.file);
    }
    throw error;
  }
}
