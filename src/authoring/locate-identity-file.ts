import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Config } from '../config/config.js';
import { discover } from '../load/discover.js';
import type { FsSource } from '../load/fs-source.js';
import { InputError } from '../model/input-error.js';
import { identityPath } from './identity-path.js';

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** An identity file as a command found it: its path, and how. */
export interface LocatedFile {
  /** Repository-relative path of the identity file. */
  file: string;
  /** True when it was found from an id rather than given as a path. */
  byId: boolean;
}

/**
 * The identity file a record command names: a path to it, or, when no
 * such file exists, the identity's id, found as <id>.yaml in the
 * inventory's folders. Throws InputError when neither finds one file.
 */
export function locateIdentityFile(
  source: FsSource,
  config: Config,
  given: string,
): LocatedFile {
  if (exists(given) || !ID.test(given)) {
    return { file: identityPath(source.root, given, config), byId: false };
  }
  const { files } = discover(source, config.roots, config.ignore);
  const found = files.filter(
    (f) => f.slice(f.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '') === given,
  );
  if (found.length === 1) return { file: found[0] ?? '', byId: true };
  const example = `${config.roots[0] ?? 'identities'}/<team>/${given}.yaml`;
  throw new InputError(
    found.length === 0
      ? `there is no file "${given}" here and no identity file named ${given}.yaml in the inventory at ${source.root}: give the path of the identity file, for example ${example}`
      : `several identity files are named ${given}.yaml: give the path of one of them: ${found.join(', ')}`,
  );
}

function exists(file: string): boolean {
  try {
    fs.lstatSync(path.resolve(file));
    return true;
  } catch {
    return false;
  }
}
