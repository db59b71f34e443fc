import { parseArgs, type ParseArgsConfig } from 'node:util';
import { QUESTIONS } from '../authoring/questions.js';
import { UsageError } from './usage-error.js';

/** `nhi-policy runbook [dir] [--out folder] [--today date]`. */
export interface RunbookArgs {
  command: 'runbook';
  dir: string;
  out: string | undefined;
  today: string | undefined;
}

/** `nhi-policy new [dir]`: answers given as flags, the rest asked. */
export interface NewArgs {
  command: 'new';
  dir: string;
  yes: boolean;
  today: string | undefined;
  /** Flag values by question key; lists for repeatable flags. */
  given: Record<string, string | string[]>;
}

/** The commands that record what was done in one identity file. */
export type RecordCommand = 'rotate' | 'review' | 'activate';

/** `nhi-policy rotate|review|activate FILE`: FILE may also be an id. */
export interface RecordArgs {
  command: RecordCommand;
  file: string;
  dir: string | undefined;
  by: string;
  verifiedBy: string | undefined;
  evidence: string | undefined;
  credential: string | undefined;
  expires: string | undefined;
  date: string | undefined;
  note: string | undefined;
  ticket: string | undefined;
  approvedBy: string[];
  approvedOn: string | undefined;
  log: string | undefined;
}

export type AuthoringArgs = RunbookArgs | NewArgs | RecordArgs;

export const AUTHORING_COMMANDS = [
  'runbook',
  'new',
  'rotate',
  'review',
  'activate',
];

/** The flags each record command needs, and those it also takes. */
const RECORD_FLAGS: Record<
  RecordCommand,
  { required: string[]; optional: string[] }
> = {
  rotate: {
    required: ['by', 'verified-by', 'evidence'],
    optional: ['credential', 'expires', 'date', 'note', 'dir'],
  },
  review: {
    required: ['by', 'evidence'],
    optional: ['date', 'note', 'dir'],
  },
  activate: {
    required: ['by'],
    optional: [
      'ticket',
      'approved-by',
      'approved-on',
      'log',
      'verified-by',
      'evidence',
      'date',
      'note',
      'dir',
    ],
  },
};

/** Flags of `new`: one per question, named by its key. */
export const NEW_FLAGS = QUESTIONS.map((q) => q.key);
const REPEATABLE = new Set(QUESTIONS.filter((q) => q.list).map((q) => q.key));

export const AUTHORING_USAGE = `runbook  writes a Markdown runbook per identity and an index into the
         runbooks folder (default: "runbooks" in the configuration, else
         runbooks), replacing pages it wrote before.
new      asks plain questions, or takes them as flags, and writes a new
         identity file at <root>/<team>/<id>.yaml.
activate records that a requested identity was created: status active,
         created dates, the approval and log location if still missing,
         and a history entry. Refuses when the check would then fail.
rotate   records a rotation in an identity file: lastRotated and a history
         entry. --verified-by must be who rotation.verifiedBy names.
review   records an access review: review.lastReviewed and a history entry.
         activate, rotate and review keep comments and layout, and take
         the identity's file or its id (looked up in the inventory).

  nhi-policy runbook [dir] [--out FOLDER] [--today YYYY-MM-DD]
  nhi-policy new [dir] [--yes] [--today YYYY-MM-DD] [--kind K --id ID ...]
${wrap(
  NEW_FLAGS.map((f) => `--${f}`),
  '      ',
)}
      (--scope, --dependent TYPE:REF and --approved-by may repeat)
  nhi-policy activate FILE --by PERSON [--ticket REF --approved-by PERSON]
      [--approved-on YYYY-MM-DD] [--log WHERE] [--verified-by PERSON]
      [--evidence REF] [--date YYYY-MM-DD] [--note TEXT] [--dir INVENTORY]
  nhi-policy rotate FILE --by PERSON --verified-by PERSON --evidence REF
      [--credential ID] [--expires YYYY-MM-DD] [--date YYYY-MM-DD]
      [--note TEXT] [--dir INVENTORY]
  nhi-policy review FILE --by PERSON --evidence REF [--date YYYY-MM-DD]
      [--note TEXT] [--dir INVENTORY]
  Dates are calendar dates in UTC. runbook and new use today's date from
  this computer unless --today names another; each says the date it used.
`;

/** Words on lines of at most 76 columns, each line indented. */
function wrap(words: string[], indent: string): string {
  const lines: string[] = [];
  let line = indent;
  for (const word of words) {
    if (line.length + word.length + 1 > 76 && line.trim() !== '') {
      lines.push(line);
      line = indent;
    }
    line += line.trim() === '' ? word : ` ${word}`;
  }
  return [...lines, line].join('\n');
}

/** Reads the command line of an authoring command; throws UsageError. */
export function parseAuthoringArgs(argv: string[]): AuthoringArgs {
  const command = argv[0];
  if (command === 'runbook') return parseRunbook(argv.slice(1));
  if (command === 'new') return parseNew(argv.slice(1));
  if (command === 'rotate' || command === 'review' || command === 'activate') {
    return parseRecord(command, argv.slice(1));
  }
  throw new UsageError(`unknown command "${command ?? ''}"`);
}

function parseRunbook(argv: string[]): RunbookArgs {
  const { values, positionals } = read(argv, {
    out: { type: 'string' },
    today: { type: 'string' },
  });
  return {
    command: 'runbook',
    dir: onlyDir(positionals),
    out: text(values.out),
    today: dateFlag('--today', text(values.today)),
  };
}

function parseNew(argv: string[]): NewArgs {
  const options: ParseArgsConfig['options'] = {
    yes: { type: 'boolean', short: 'y' },
    today: { type: 'string' },
  };
  for (const flag of NEW_FLAGS) {
    options[flag] = { type: 'string', multiple: REPEATABLE.has(flag) };
  }
  const { values, positionals } = read(argv, options);
  const given: NewArgs['given'] = {};
  for (const flag of NEW_FLAGS) {
    const value = values[flag];
    if (typeof value === 'string' || Array.isArray(value)) {
      given[flag] = value;
    }
  }
  return {
    command: 'new',
    dir: onlyDir(positionals),
    yes: values.yes === true,
    today: dateFlag('--today', text(values.today)),
    given,
  };
}

function parseRecord(command: RecordCommand, argv: string[]): RecordArgs {
  const { values, positionals } = read(argv, {
    by: { type: 'string' },
    'verified-by': { type: 'string' },
    evidence: { type: 'string' },
    credential: { type: 'string' },
    expires: { type: 'string' },
    date: { type: 'string' },
    note: { type: 'string' },
    dir: { type: 'string' },
    ticket: { type: 'string' },
    'approved-by': { type: 'string', multiple: true },
    'approved-on': { type: 'string' },
    log: { type: 'string' },
  });
  const [file, ...extra] = positionals;
  if (file === undefined) {
    throw new UsageError(`${command} needs a FILE (or the identity's id)`);
  }
  if (extra.length > 0)
    throw new UsageError(`unexpected argument "${extra[0]}"`);
  requireRecordFlags(command, values);
  return {
    command,
    file,
    dir: text(values.dir),
    by: text(values.by) ?? '',
    verifiedBy: text(values['verified-by']),
    evidence: text(values.evidence),
    credential: text(values.credential),
    expires: dateFlag('--expires', text(values.expires)),
    date: dateFlag('--date', text(values.date)),
    note: text(values.note),
    ticket: text(values.ticket),
    approvedBy: ((values['approved-by'] ?? []) as string[]).flatMap(
      (key) => text(key) ?? [],
    ),
    approvedOn: dateFlag('--approved-on', text(values['approved-on'])),
    log: text(values.log),
  };
}

/** Throws UsageError for a missing flag, or one the command does not take. */
function requireRecordFlags(
  command: RecordCommand,
  values: Record<string, unknown>,
): void {
  const { required, optional } = RECORD_FLAGS[command];
  const missing = required.filter((flag) => !text(values[flag]));
  if (missing.length > 0) {
    throw new UsageError(
      `${command} needs ${missing.map((f) => `--${f}`).join(', ')}`,
    );
  }
  const taken = [...required, ...optional];
  const other = Object.keys(values).find((flag) => !taken.includes(flag));
  if (other !== undefined) {
    throw new UsageError(
      `${command} does not take --${other}; it takes ${taken.map((f) => `--${f}`).join(', ')}`,
    );
  }
}

function read(
  argv: string[],
  options: ParseArgsConfig['options'],
): { values: Record<string, unknown>; positionals: string[] } {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function onlyDir(positionals: string[]): string {
  const [dir = '.', ...extra] = positionals;
  if (extra.length > 0)
    throw new UsageError(`unexpected argument "${extra[0]}"`);
  return dir;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : undefined;
}

function dateFlag(flag: string, value: string | undefined) {
  if (value === undefined || /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  throw new UsageError(`${flag} must be a date as YYYY-MM-DD, not "${value}"`);
}
