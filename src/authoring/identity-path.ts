import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Config } from '../config/config.js';
import { InputError } from '../model/input-error.js';

/**
 * The repository-relative path of an identity file given on the command
 * line. Throws InputError unless it is a regular file inside one of the
 * inventory's roots, reached through no link.
 */
export function identityPath(
  root: string,
  file: string,
  config: Config,
): string {
  const relative = path
    .relative(root, path.resolve(file))
    .split(path.sep)
    .join('/');
  const inRoot = config.roots.some(
    (r) => r === '' || relative.startsWith(`${r}/`),
  );
  if (relative.startsWith('../') || path.isAbsolute(relative) || !inRoot) {
    throw new InputError(
      `${file} is not inside the inventory's identity folders (${config.roots.join(', ')} in ${root})`,
    );
  }
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(path.join(root, relative));
  } catch {
    throw new InputError(`${file} does not exist`);
  }
  if (!stat.isFile()) {
    throw new InputError(
      `${file} is not a regular file (links are never followed)`,
    );
  }
  const parts = relative.split('/');
  for (let i = 1; i < parts.length; i++) {
    const folder = parts.slice(0, i).join('/');
    if (fs.lstatSync(path.join(root, folder)).isSymbolicLink()) {
      throw new InputError(
        `${file} is reached through ${folder}, a link; links are never followed, so nothing outside the inventory is changed`,
      );
    }
  }
  return relative;
}
