import { parseArgs } from 'node:util';
import type { FailOn } from '../config/config.js';
import {
  AUTHORING_COMMANDS,
  AUTHORING_USAGE,
  parseAuthoringArgs,
  type AuthoringArgs,
} from './parse-authoring-args.js';
import { UsageError } from './usage-error.js';

export const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];
export const AUDIT_FORMATS = ['text', 'json', 'markdown', 'ical'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];
const FAIL_ON: FailOn[] = ['error', 'warning', 'note', 'never'];

export { UsageError };

export interface CheckArgs {
  command: 'check';
  dir: string;
  format: Format;
  today: string | undefined;
  failOn: FailOn | undefined;
  output: string | undefined;
  color: boolean | undefined;
}

export interface AuditArgs {
  command: 'audit';
  dir: string;
  format: AuditFormat;
  today: string | undefined;
  failOn: FailOn;
  output: string | undefined;
}

export type CliArgs =
  | CheckArgs
  | AuditArgs
  | AuthoringArgs
  | { command: 'help' }
  | { command: 'version' };

export const USAGE = `Usage: nhi-policy check [dir] [options]
       nhi-policy audit [dir] [options]
       nhi-policy runbook|new [dir] [options]
       nhi-policy activate|rotate|review FILE [options]

check  checks every identity file in the inventory at dir (default: .)
       against the policies, and reports each problem with its file and line.
audit  lists, per owning team, what is overdue or due soon: rotations,
       expiries, reviews, unknown owners, retirements, waivers.
${AUTHORING_USAGE}
Options:
  --format text|json|sarif|markdown   check report format (default: text)
  --format text|json|markdown|ical    audit report format (default: text);
                                      ical is a calendar of due dates
  --today YYYY-MM-DD                  evaluation date (default: today, UTC)
  --fail-on error|warning|note|never  lowest severity that fails (check default:
                                      failOn in the configuration, else error;
                                      audit default: never)
  --output FILE                       write the report to FILE
  --color / --no-color                force colour on or off
  -h, --help                          show this help
  --version                           show the version

Exit codes: 0 no failing findings, 1 failing findings, 2 usage or configuration error.
`;

/** Reads the command line; throws UsageError with a plain message. */
export function parseCliArgs(argv: string[]): CliArgs {
  if (AUTHORING_COMMANDS.includes(argv[0] ?? '')) {
    return parseAuthoringArgs(argv);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        today: { type: 'string' },
        'fail-on': { type: 'string' },
        output: { type: 'string', short: 'o' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, dir = '.', ...extra] = positionals;
  if (command !== 'check' && command !== 'audit') {
    throw new UsageError(
      command ? `unknown command "${command}"` : 'name a command',
    );
  }
  if (extra.length > 0)
    throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (command === 'audit') {
    return {
      command,
      dir,
      format: oneOf('--format', values.format ?? 'text', AUDIT_FORMATS),
      today: values.today === undefined ? undefined : date(values.today),
      failOn: oneOf('--fail-on', values['fail-on'] ?? 'never', FAIL_ON),
      output: values.output,
    };
  }
  return {
    command,
    dir,
    format: oneOf('--format', values.format ?? 'text', FORMATS),
    today: values.today === undefined ? undefined : date(values.today),
    failOn:
      values['fail-on'] === undefined
        ? undefined
        : oneOf('--fail-on', values['fail-on'], FAIL_ON),
    output: values.output,
    color: values['no-color'] ? false : values.color,
  };
}

function oneOf<T extends string>(
  flag: string,
  value: string,
  allowed: readonly T[],
): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `${flag} must be one of ${allowed.join(', ')}, not "${value}"`,
  );
}

function date(value: string): string {
  if (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  ) {
    return value;
  }
  throw new UsageError(`--today must be a date as YYYY-MM-DD, not "${value}"`);
}
