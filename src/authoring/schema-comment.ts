import * as path from 'node:path';
import { discover } from '../load/discover.js';
import type { FsSource } from '../load/fs-source.js';
import type { Config } from '../config/config.js';
import { packageRoot } from '../policy/package-root.js';

const COMMENT = /^# yaml-language-server: \$schema=(\S+)/;
const SCHEMA = 'policies/schemas/identity.schema.json';

/**
 * The `$schema` path for a new identity file at `target` (relative to the
 * inventory): the one the inventory's existing files use, re-aimed from
 * the new file's folder; else the inventory's own copy of the schema; else
 * this package's.
 */
export function schemaRefFor(
  source: FsSource,
  config: Config,
  target: string,
): string {
  const from = path.posix.dirname(target);
  const sample = discover(source, config.roots, config.ignore).files[0];
  const ref = sample === undefined ? null : commentRef(source, sample);
  if (sample !== undefined && ref !== null && !/^[a-z]+:/i.test(ref)) {
    const schema = path.posix.join(path.posix.dirname(sample), ref);
    return path.posix.relative(from, schema);
  }
  if (source.readOptional(SCHEMA, 1 << 20) !== null) {
    return path.posix.relative(from, SCHEMA);
  }
  const own = path.join(packageRoot(), ...SCHEMA.split('/'));
  const relative = path.relative(path.join(source.root, from), own);
  return relative.split(path.sep).join('/');
}

function commentRef(source: FsSource, file: string): string | null {
  const head = source.read(file, 1 << 20).toString('utf8', 0, 400);
  return COMMENT.exec(head.replace(/^\uFEFF/, ''))?.[1] ?? null;
}
