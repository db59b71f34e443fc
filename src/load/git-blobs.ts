import { GitError } from './git-error.js';
import type { Git } from './git.js';

/**
 * Reads many blobs with one `git cat-file --batch`: every object id is
 * written to its input at once, and the output is split by the size in
 * each header. Returns the contents by object id.
 */
export function readBlobs(
  git: Git,
  oids: readonly string[],
): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  if (oids.length === 0) return blobs;
  const out = git.run(['cat-file', '--batch'], `${oids.join('\n')}\n`);
  let at = 0;
  while (at < out.length) {
    const end = out.indexOf(0x0a, at);
    const header = out.subarray(at, end).toString('latin1').split(' ');
    const [oid = '', kind = '', size = ''] = header;
    if (kind !== 'blob') {
      throw new GitError(['cat-file', '--batch'], `${oid} is ${kind}`);
    }
    const start = end + 1;
    blobs.set(oid, out.subarray(start, start + Number(size)));
    at = start + Number(size) + 1;
  }
  return blobs;
}
