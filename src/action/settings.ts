import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Config, FailOn } from '../config/config.js';
import { normalizeRepoPath } from '../load/discover.js';
import { ConfigError } from '../model/config-error.js';
import { todayUtc, toDay } from '../time/day.js';

/** Every input of the Action, read once, checked and defaulted. */
export interface Settings {
  /** The repository checkout, as an absolute path. */
  path: string;
  /** The folder, relative to the repository, holding the configuration. */
  directory: string;
  /** The fail-on input; null leaves the threshold to the configuration. */
  failOn: FailOn | null;
  failOnExisting: boolean;
  /** The evaluation date, YYYY-MM-DD. */
  today: string;
  sarifFile: string;
  jsonFile: string;
  maxAnnotations: number;
  /** False skips the owner-approval gate in this workflow. */
  ownerApproval: boolean;
  token: string;
  /** `owner/name` of the repository the workflow runs in. */
  repository: string;
  /** The workflow run's page, linked from the commit status; or ''. */
  runUrl: string;
  /** False leaves the scheduled audit's rolling issues alone. */
  auditIssues: boolean;
  /** False leaves the quarterly review issues alone. */
  quarterlyReview: boolean;
  /** True plans the rolling issues and writes none. */
  dryRun: boolean;
  /** Most rolling issues created, updated or closed in one run. */
  maxOperations: number;
}

/** Reads one input by its name in action.yml; '' when it is not set. */
export type InputReader = (name: string) => string;

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'note', 'never'];
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
export const MAX_ANNOTATIONS = 50;
export const MAX_OPERATIONS = 1000;

/**
 * Reads and checks every input. An empty input takes its documented
 * default; a value that does not parse is a ConfigError naming the input,
 * the value and what is expected. Reports go to RUNNER_TEMP by default.
 */
export function readSettings(
  input: InputReader,
  env: NodeJS.ProcessEnv,
  now: Date = new Date(),
): Settings {
  const read = (name: string) => input(name).trim();
  const root = path.resolve(read('path') || env.GITHUB_WORKSPACE || '.');
  const reports = env.RUNNER_TEMP || tmpdir();
  const file = (name: string, fallback: string) =>
    path.resolve(root, read(name) || path.join(reports, fallback));
  return {
    path: root,
    directory: normalizeRepoPath(read('directory'), 'the input "directory"'),
    failOn: oneOf('fail-on', read('fail-on'), FAIL_ON),
    failOnExisting: bool('fail-on-existing', read('fail-on-existing'), false),
    today: date('today', read('today')) ?? todayUtc(now),
    sarifFile: file('sarif-file', 'nhi-policy.sarif'),
    jsonFile: file('json-file', 'nhi-policy.json'),
    maxAnnotations: whole('max-annotations', read('max-annotations'), 30),
    ownerApproval: bool('owner-approval', read('owner-approval'), true),
    token: read('token'),
    repository: env.GITHUB_REPOSITORY ?? '',
    runUrl: runUrlOf(env),
    auditIssues: bool('audit-issues', read('audit-issues'), true),
    quarterlyReview: bool('quarterly-review', read('quarterly-review'), true),
    dryRun: bool('dry-run', read('dry-run'), false),
    maxOperations: whole('max-operations', read('max-operations'), 50, {
      min: 1,
      max: MAX_OPERATIONS,
    }),
  };
}

function runUrlOf(env: NodeJS.ProcessEnv): string {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo } = env;
  const id = env.GITHUB_RUN_ID;
  return server && repo && id ? `${server}/${repo}/actions/runs/${id}` : '';
}

/**
 * The failing threshold, and the one place where inputs and the
 * configuration file meet: a non-empty `fail-on` input wins over `failOn`
 * in the configuration, which wins over the default, `error`. Everything
 * else (inventory roots, owners, waivers, policies, rule settings) comes
 * from the configuration file alone, read from the base commit in a pull
 * request. docs/action.md repeats this rule for users.
 */
export function failOnFor(settings: Settings, config: Config): FailOn {
  return settings.failOn ?? config.failOn;
}

function bool(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw invalid(name, value, 'true or false');
}

function whole(
  name: string,
  value: string,
  fallback: number,
  range = { min: 0, max: MAX_ANNOTATIONS },
): number {
  if (value === '') return fallback;
  const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (n >= range.min && n <= range.max) return n;
  throw invalid(
    name,
    value,
    `a whole number from ${range.min} to ${range.max}`,
  );
}

function oneOf<T extends string>(
  name: string,
  value: string,
  allowed: readonly T[],
): T | null {
  if (value === '') return null;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw invalid(name, value, `one of ${allowed.join(', ')}`);
}

function date(name: string, value: string): string | null {
  if (value === '') return null;
  if (toDay(value) !== null) return value;
  throw invalid(name, value, 'a real date written YYYY-MM-DD');
}

function invalid(name: string, value: string, expected: string): ConfigError {
  const shown = JSON.stringify(
    value.length > 60 ? `${value.slice(0, 60)}…` : value,
  );
  return new ConfigError(
    `the input "${name}" is ${shown}; it must be ${expected}: fix it in the workflow file`,
  );
}
