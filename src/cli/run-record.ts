import * as fs from 'node:fs';
import * as path from 'node:path';
import { findInventoryRoot } from '../authoring/find-inventory-root.js';
import { identityPath } from '../authoring/identity-path.js';
import type { RecordInput } from '../authoring/record-checks.js';
import { recordReview } from '../authoring/record-review.js';
import { recordRotation } from '../authoring/record-rotation.js';
import type { OwnersRegistry } from '../model/owners.js';
import { openInventory } from './inventory.js';
import type { Io } from './io.js';
import type { RecordArgs } from './parse-authoring-args.js';
import { reportChange } from './report-change.js';

/**
 * `nhi-policy rotate` and `nhi-policy review`: record what was done in the
 * identity file, keeping its comments and layout, then refresh the
 * runbooks (when the inventory keeps them) and show what the check says.
 * The inventory is the nearest folder above the file with a configuration
 * file, unless --dir names it.
 */
export function runRecord(args: RecordArgs, io: Io): number {
  const root =
    args.dir ?? findInventoryRoot(path.dirname(path.resolve(args.file)));
  const inventory = openInventory(root, undefined);
  const { source, workspace, today } = inventory;
  const file = identityPath(source.root, args.file, workspace.config);
  const target = path.join(source.root, file);

  const input: RecordInput = {
    by: args.by,
    evidence: args.evidence,
    date: args.date ?? today,
    today,
    ...(args.note === undefined ? {} : { note: args.note }),
  };
  const text = fs.readFileSync(target, 'utf8');
  fs.writeFileSync(target, record(args, text, input, workspace.owners));

  const what = args.command === 'rotate' ? 'a rotation' : 'a review';
  io.out(`Recorded ${what} done on ${input.date} in ${file}.\n`);
  return reportChange(inventory, file, io);
}

function record(
  args: RecordArgs,
  text: string,
  input: RecordInput,
  owners: OwnersRegistry,
): string {
  if (args.command === 'review') return recordReview(text, input, owners);
  const rotation = {
    ...input,
    verifiedBy: args.verifiedBy ?? '',
    ...(args.credential ? { credential: args.credential } : {}),
    ...(args.expires ? { expires: args.expires } : {}),
  };
  return recordRotation(text, rotation, owners);
}
