import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { GIT_ENV } from './git-repo.js';

const BUNDLE = path.resolve('dist/index.js');

/** A workflow command the step printed, e.g. `::error file=a,line=1::m`. */
export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

/** Everything a run of the bundle left behind, as the runner reads it. */
export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  commands: WorkflowCommand[];
  outputs: Record<string, string>;
  summary: string;
  /** Every byte the run wrote: output, summary and report files. */
  everything: string;
}

export interface RunOptions {
  workspace: string;
  eventName: string;
  payload: unknown;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** The node binary; the one running the tests by default. */
  node?: string;
}

/** A prepared run: the runner's files and the step's environment. */
interface PreparedRun {
  files: { event: string; output: string; summary: string };
  env: NodeJS.ProcessEnv;
}

/**
 * Runs the committed bundle, dist/index.js, the way the runner does: the
 * inputs as INPUT_* variables, the event payload in a file, and files for
 * outputs and the job summary. The environment is built from scratch.
 */
export function runAction(options: RunOptions): ActionRun {
  const prepared = prepareRun(options);
  const result = spawnSync(options.node ?? process.execPath, [BUNDLE], {
    cwd: options.workspace,
    encoding: 'utf8',
    env: prepared.env,
  });
  return collectRun(prepared, result.status, result.stdout, result.stderr);
}

/**
 * Runs the bundle like `runAction`, without blocking the event loop: use
 * it when the test process also serves the run, as the local GitHub API
 * server does (spawnSync would leave the server unable to answer).
 */
export async function runActionAsync(options: RunOptions): Promise<ActionRun> {
  const prepared = prepareRun(options);
  const child = spawn(options.node ?? process.execPath, [BUNDLE], {
    cwd: options.workspace,
    env: prepared.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8');
  return collectRun(prepared, status, text(stdout), text(stderr));
}

function prepareRun(options: RunOptions): PreparedRun {
  const temp = mkdtempSync(path.join(tmpdir(), 'nhi-runner-'));
  const files = {
    event: path.join(temp, 'event.json'),
    output: path.join(temp, 'output'),
    summary: path.join(temp, 'summary.md'),
  };
  writeFileSync(files.event, JSON.stringify(options.payload));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const inputs = Object.fromEntries(
    Object.entries(options.inputs ?? {}).map(([name, value]) => [
      `INPUT_${name.replace(/ /g, '_').toUpperCase()}`,
      value,
    ]),
  );
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: temp,
    ...GIT_ENV,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: 'acme/identities',
    GITHUB_SHA: '0'.repeat(40),
    GITHUB_REF: 'refs/pull/1/merge',
    RUNNER_TEMP: temp,
    INPUT_PATH: options.workspace,
    INPUT_TOKEN: 'ghs_readonlytesttokenvalue0000000000000',
    ...inputs,
    ...options.env,
  };
  return { files, env };
}

function collectRun(
  prepared: PreparedRun,
  status: number | null,
  stdout: string,
  stderr: string,
): ActionRun {
  const { files } = prepared;
  const outputs = parseOutputs(readFileSync(files.output, 'utf8'));
  const summary = readFileSync(files.summary, 'utf8');
  const reports = ['sarif-file', 'json-file']
    .map((name) => outputs[name])
    .filter((file): file is string => Boolean(file))
    .map((file) => readFileSync(file, 'utf8'));
  return {
    status,
    stdout,
    stderr,
    commands: parseCommands(stdout),
    outputs,
    summary,
    everything: [stdout, stderr, summary, ...reports].join('\n'),
  };
}

/** Reads `name<<delimiter` blocks from a GITHUB_OUTPUT file. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const block = /^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(block)) {
    outputs[match[1] ?? ''] = match[3] ?? '';
  }
  return outputs;
}

/**
 * Finds workflow commands in a step's output as the runner does: one per
 * line, none while commands are stopped by `::stop-commands::token`.
 */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  let stoppedBy: string | null = null;
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::([\w-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const [, command = '', props = '', message = ''] = match;
    if (stoppedBy !== null) {
      if (command === stoppedBy) stoppedBy = null;
      continue;
    }
    if (command === 'stop-commands') {
      stoppedBy = message;
      continue;
    }
    commands.push({
      command,
      properties: parseProperties(props),
      message: unescape(message),
    });
  }
  return commands;
}

function parseProperties(text: string): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const pair of text.split(',').filter(Boolean)) {
    const at = pair.indexOf('=');
    properties[pair.slice(0, at)] = unescape(pair.slice(at + 1));
  }
  return properties;
}

function unescape(text: string): string {
  return text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}

/** The annotations among the commands, most useful fields only. */
export function annotationsOf(run: ActionRun) {
  return run.commands
    .filter((c) => ['error', 'warning', 'notice'].includes(c.command))
    .map((c) => ({
      level: c.command,
      file: c.properties.file,
      line: c.properties.line,
      title: c.properties.title,
      message: c.message,
    }));
}
