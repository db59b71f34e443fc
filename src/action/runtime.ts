import * as core from '@actions/core';
import * as github from '@actions/github';
import { randomUUID } from 'node:crypto';
import { createGitHubApi, type GitHubApi } from './github-api.js';
import type { Annotation } from './select-annotations.js';

/** Progress for the log. Results are never logged here, only reported. */
export interface Log {
  info(text: string): void;
  /** Detail shown only when step debugging is on; safe for file names. */
  debug(text: string): void;
  /** A warning annotation, for something the run could not do. */
  warning(text: string): void;
  /**
   * Runs one stage of the work inside a collapsible log group; a stage
   * that returns a promise keeps the group open until it settles.
   */
  group<T>(name: string, stage: () => T): T;
  /**
   * Writes lines that hold text from files. Workflow commands are switched
   * off around them and control characters replaced, so that no file name
   * or value can act as a command or forge a log line.
   */
  dump(lines: readonly string[]): void;
}

/** Everything the Action takes from and gives to the runner. */
export interface Runtime extends Log {
  /** An input by its name in action.yml, '' when unset. */
  input(name: string): string;
  env: NodeJS.ProcessEnv;
  eventName: string;
  payload: Record<string, unknown>;
  annotate(annotation: Annotation): void;
  setOutput(name: string, value: string): void;
  /** Hides a secret value in all later log output. */
  mask(secret: string): void;
  /** Appends Markdown to the job summary. */
  writeSummary(markdown: string): Promise<void>;
  /** Marks the step failed; with `annotate`, as an error annotation too. */
  fail(message: string, annotate: boolean): void;
  /** The GitHub API with `token`, for the `owner/name` repository. */
  github(token: string, repository: string): GitHubApi;
}

/**
 * The runtime on a GitHub Actions runner: the one place that talks to
 * @actions/core and @actions/github, so everything else is plain code.
 */
export function actionsRuntime(): Runtime {
  const runtime: Runtime = {
    info: (text) => core.info(text),
    debug: (text) => core.debug(text),
    warning: (text) => core.warning(text),
    group: (name, stage) => {
      core.startGroup(name);
      let result;
      try {
        result = stage();
      } catch (error) {
        core.endGroup();
        throw error;
      }
      if (!(result instanceof Promise)) {
        core.endGroup();
        return result;
      }
      return result.finally(() => core.endGroup()) as typeof result;
    },
    dump: (lines) => {
      const token = randomUUID();
      core.info(`::stop-commands::${token}`);
      for (const line of lines) core.info(inert(line));
      core.info(`::${token}::`);
    },
    input: (name) => core.getInput(name, { trimWhitespace: false }),
    env: process.env,
    eventName: github.context.eventName,
    payload: github.context.payload as Record<string, unknown>,
    annotate: ({ level, message, ...at }) =>
      core[level](message, {
        title: at.title,
        file: at.file,
        startLine: at.line,
        startColumn: at.column,
      }),
    setOutput: (name, value) => core.setOutput(name, value),
    mask: (secret) => core.setSecret(secret),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write();
    },
    fail: (message, annotate) => {
      if (annotate) return core.setFailed(message);
      core.info(message);
      process.exitCode = core.ExitCode.Failure;
    },
    github: (token, repository) => createGitHubApi(token, repository, runtime),
  };
  return runtime;
}

function inert(line: string): string {
  // eslint-disable-next-line no-control-regex
  return line.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, '\ufffd');
}
