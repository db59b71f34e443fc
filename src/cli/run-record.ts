import * as fs from 'node:fs';
import * as path from 'node:path';
import { findInventoryRoot } from '../authoring/find-inventory-root.js';
import { locateIdentityFile } from '../authoring/locate-identity-file.js';
import {
  recordActivation,
  type ActivationInput,
} from '../authoring/record-activation.js';
import type { RecordInput } from '../authoring/record-checks.js';
import { recordReview } from '../authoring/record-review.js';
import { recordRotation } from '../authoring/record-rotation.js';
import { InputError } from '../model/input-error.js';
import type { OwnersRegistry } from '../model/owners.js';
import { blockingErrors } from './blocking-errors.js';
import { openInventory, type OpenInventory } from './inventory.js';
import type { Io } from './io.js';
import type { RecordArgs } from './parse-authoring-args.js';
import { reportChange } from './report-change.js';

const WHAT = {
  rotate: 'a rotation',
  review: 'a review',
  activate: 'the creation',
} as const;

/** Flags that supply what a rule finds missing after an activation. */
const FLAG_FOR_RULE: Record<string, string> = {
  'NHI-110': 'give --ticket and --approved-by',
  'NHI-170': 'give --log',
};

/**
 * `nhi-policy rotate`, `review` and `activate`: record what was done in
 * the identity file, keeping its comments and layout, then refresh the
 * runbooks (when the inventory keeps them) and show what the check says.
 * The inventory is the nearest folder above the file with a configuration
 * file, unless --dir names it. An activation the check would fail is
 * refused, with the flags that supply what is missing.
 */
export function runRecord(args: RecordArgs, io: Io): number {
  const root =
    args.dir ?? findInventoryRoot(path.dirname(path.resolve(args.file)));
  const inventory = openInventory(root, undefined);
  const { source, workspace, today } = inventory;
  const { file, byId } = locateIdentityFile(
    source,
    workspace.config,
    args.file,
  );
  if (byId) io.out(`Found ${args.file} in ${file}.\n`);
  const target = path.join(source.root, file);

  const date = args.date ?? today;
  const before = fs.readFileSync(target, 'utf8');
  const after = record(args, before, { date, today }, workspace.owners);
  if (args.command === 'activate') refuseIfBlocked(inventory, file, after);
  fs.writeFileSync(target, after);

  io.out(`Recorded ${WHAT[args.command]} done on ${date} in ${file}.\n`);
  return reportChange(inventory, file, io);
}

function record(
  args: RecordArgs,
  text: string,
  dates: { date: string; today: string },
  owners: OwnersRegistry,
): string {
  const note = args.note === undefined ? {} : { note: args.note };
  if (args.command === 'activate') {
    return recordActivation(text, activation(args, dates), owners);
  }
  const input: RecordInput = {
    by: args.by,
    evidence: args.evidence ?? '',
    ...dates,
    ...note,
  };
  if (args.command === 'review') return recordReview(text, input, owners);
  const rotation = {
    ...input,
    verifiedBy: args.verifiedBy ?? '',
    ...(args.credential ? { credential: args.credential } : {}),
    ...(args.expires ? { expires: args.expires } : {}),
  };
  return recordRotation(text, rotation, owners);
}

function activation(
  args: RecordArgs,
  dates: { date: string; today: string },
): ActivationInput {
  const { by, verifiedBy, ticket, approvedBy, approvedOn, log } = args;
  const { evidence, note } = args;
  return {
    by,
    verifiedBy,
    ticket,
    approvedBy,
    approvedOn,
    log,
    evidence,
    note,
    ...dates,
  };
}

/** Throws InputError when the check would fail the activated file. */
function refuseIfBlocked(
  inventory: OpenInventory,
  file: string,
  text: string,
): void {
  const errors = blockingErrors(inventory, file, text);
  if (errors.length === 0) return;
  const list = errors.map((f) => {
    const flag = FLAG_FOR_RULE[f.ruleId];
    return `  ${f.ruleId} ${f.message}${flag ? ` (${flag})` : ''}`;
  });
  throw new InputError(
    `once active, ${file} would fail the check, so nothing was changed:\n${list.join('\n')}`,
  );
}
