import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILES } from '../config/config.js';
import { InputError } from '../model/input-error.js';

/**
 * The inventory folder an identity file belongs to: the nearest folder at
 * or above `start` holding a configuration file (nhi-policy.yaml). Throws
 * InputError when there is none up to the top of the disk.
 */
export function findInventoryRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (CONFIG_FILES.some((name) => isFile(path.join(dir, name)))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new InputError(
    `no ${CONFIG_FILES[0]} found in ${start} or any folder above it: pass --dir with the inventory folder`,
  );
}

function isFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
}
