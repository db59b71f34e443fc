import * as fs from 'node:fs';
import * as path from 'node:path';
import { createAsker } from '../authoring/ask.js';
import { approvedBackends } from '../authoring/approved-backends.js';
import { buildIdentity } from '../authoring/build-identity.js';
import { interview } from '../authoring/interview.js';
import type { NewContext } from '../authoring/new-context.js';
import { QUESTIONS } from '../authoring/questions.js';
import { renderIdentity } from '../authoring/render-identity.js';
import { schemaRefFor } from '../authoring/schema-comment.js';
import { discover } from '../load/discover.js';
import { securityTeamOf } from '../runbook/security-team.js';
import { InputError } from '../model/input-error.js';
import { blockingErrors } from './blocking-errors.js';
import {
  describeToday,
  openInventory,
  type OpenInventory,
} from './inventory.js';
import type { Io } from './io.js';
import type { NewArgs } from './parse-authoring-args.js';
import { reportChange } from './report-change.js';

/**
 * `nhi-policy new`: asks plain questions (or reads them from flags), and
 * writes a new identity file at <root>/<team>/<id>.yaml, only once the
 * check would accept it with no error.
 */
export async function runNew(args: NewArgs, io: Io): Promise<number> {
  const inventory = openInventory(args.dir, args.today);
  const { source, workspace, today } = inventory;
  io.out(`Dates in the new file use ${describeToday(args.today, today)}.\n`);
  const ctx = newContext(inventory);
  const asker = args.yes || !io.input ? null : createAsker(io.input, io.out);
  const answers = await interview(QUESTIONS, args.given, ctx, asker).finally(
    () => asker?.close(),
  );

  const security = securityTeamOf(workspace.config);
  const doc = buildIdentity(
    answers,
    workspace.owners,
    workspace.owners.teams.has(security) ? security : '',
    today,
  );
  const root = workspace.config.roots[0] ?? '';
  const file = [root, String(answers.team), `${String(answers.id)}.yaml`]
    .filter((part) => part !== '')
    .join('/');
  const text = renderIdentity(
    doc,
    schemaRefFor(source, workspace.config, file),
  );
  refuseIfBlocked(inventory, file, text);

  const target = path.join(source.root, ...file.split('/'));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text, { flag: 'wx' });
  io.out(`\nWrote ${file}.\n`);
  return reportChange(inventory, file, io);
}

function newContext({ source, workspace, today }: OpenInventory): NewContext {
  const { files } = discover(
    source,
    workspace.config.roots,
    workspace.config.ignore,
  );
  const existingIds = new Set(
    files.map((f) => f.slice(f.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '')),
  );
  const backends = approvedBackends(workspace.policies);
  return { workspace, today, existingIds, backends };
}

/** Throws InputError when the file exists or the check finds an error. */
function refuseIfBlocked(
  inventory: OpenInventory,
  file: string,
  text: string,
): void {
  const { source } = inventory;
  if (exists(path.join(source.root, file))) {
    throw new InputError(`${file} already exists: nothing was written`);
  }
  const parts = file.split('/');
  for (let i = 1; i < parts.length; i += 1) {
    const folder = path.join(source.root, ...parts.slice(0, i));
    if (exists(folder) && !fs.lstatSync(folder).isDirectory()) {
      throw new InputError(
        `${parts.slice(0, i).join('/')} is a link or a file, not a folder: nothing was written`,
      );
    }
  }
  const errors = blockingErrors(inventory, file, text);
  if (errors.length > 0) {
    const list = errors.map((f) => `  ${f.ruleId} ${f.message}`).join('\n');
    throw new InputError(
      `the new file would fail the check, so nothing was written:\n${list}`,
    );
  }
}

function exists(target: string): boolean {
  try {
    fs.lstatSync(target);
    return true;
  } catch {
    return false;
  }
}
