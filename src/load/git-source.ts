import { readBlobs } from './git-blobs.js';
import { readTree, type TreeEntry } from './git-tree.js';
import type { Git } from './git.js';
import { FileTooLargeError, type Entry, type Source } from './source.js';

/** Most bytes read by one `git cat-file --batch`. */
const BATCH_BYTES = 32 * 1024 * 1024;

/**
 * A source over one commit of a local repository, read from git objects
 * only: nothing is checked out, links and submodules are listed as such and
 * never followed. The first listing of a folder below the top indexes its
 * whole subtree with one `ls-tree`; the first read in that subtree loads all
 * its blobs within the size limit with one `cat-file --batch`.
 */
export class GitSource implements Source {
  private readonly folders = new Map<string, TreeEntry[]>();
  private readonly indexed: string[] = [];
  private readonly blobs = new Map<string, Buffer>();
  private readonly batched = new Set<string>();

  constructor(
    private readonly git: Git,
    readonly commit: string,
  ) {}

  list(dir: string): Entry[] | null {
    const entries = this.children(dir);
    return entries && entries.map(({ path, type }) => ({ path, type }));
  }

  read(path: string, maxBytes: number): Buffer {
    const entry = this.entry(path);
    if (entry?.type !== 'file') throw notAFile(path, entry);
    if (entry.size > maxBytes) throw new FileTooLargeError(entry.size);
    this.loadSubtree(path, maxBytes);
    const cached = this.blobs.get(entry.oid);
    if (cached) return cached;
    return this.git.run(['cat-file', 'blob', entry.oid]);
  }

  readOptional(path: string, maxBytes: number): Buffer | null {
    const type = this.entry(path)?.type;
    if (type === undefined) return null;
    if (type !== 'file') {
      throw new Error(
        `it is a ${type === 'symlink' ? 'symbolic link, and links are never followed' : type}`,
      );
    }
    return this.read(path, maxBytes);
  }

  private entry(path: string): TreeEntry | undefined {
    return this.children(parentOf(path))?.find((e) => e.path === path);
  }

  /** The direct entries of a folder, or null when it is absent. */
  private children(dir: string): TreeEntry[] | null {
    const known = this.folders.get(dir);
    if (known) return known;
    if (this.indexRoot(dir) !== undefined) return null;
    if (dir === '') {
      const top = readTree(this.git, this.commit, '', false);
      this.folders.set('', top);
      return top;
    }
    // `ls-tree -t` also lists the folder itself: keep what is below it.
    const below = readTree(this.git, this.commit, dir, true).filter((e) =>
      e.path.startsWith(`${dir}/`),
    );
    if (below.length === 0) return null;
    this.index(dir, below);
    return this.folders.get(dir) ?? null;
  }

  private index(dir: string, below: TreeEntry[]): void {
    this.indexed.push(dir);
    this.folders.set(dir, []);
    for (const entry of below) {
      if (entry.type === 'directory') this.folders.set(entry.path, []);
    }
    for (const entry of below) {
      this.folders.get(parentOf(entry.path))?.push(entry);
    }
  }

  /** The recursively indexed folder that holds a path, if any. */
  private indexRoot(path: string): string | undefined {
    return this.indexed.find((root) => path.startsWith(`${root}/`));
  }

  /** Loads every blob of the path's subtree that fits the limit, once. */
  private loadSubtree(path: string, maxBytes: number): void {
    const root = this.indexRoot(path);
    if (root === undefined || this.batched.has(root)) return;
    this.batched.add(root);
    let batch: string[] = [];
    let bytes = 0;
    for (const entry of this.filesBelow(root)) {
      if (entry.size > maxBytes || this.blobs.has(entry.oid)) continue;
      if (bytes + entry.size > BATCH_BYTES && batch.length > 0) {
        this.store(batch);
        [batch, bytes] = [[], 0];
      }
      batch.push(entry.oid);
      bytes += entry.size;
    }
    this.store(batch);
  }

  private *filesBelow(root: string): Generator<TreeEntry> {
    for (const [dir, entries] of this.folders) {
      if (dir !== root && !dir.startsWith(`${root}/`)) continue;
      yield* entries.filter((e) => e.type === 'file');
    }
  }

  private store(oids: string[]): void {
    for (const [oid, blob] of readBlobs(this.git, [...new Set(oids)])) {
      this.blobs.set(oid, blob);
    }
  }
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** An error shaped like the one a file system gives for the same case. */
function notAFile(path: string, entry: TreeEntry | undefined): Error {
  const [code, what] =
    entry === undefined
      ? ['ENOENT', 'does not exist']
      : entry.type === 'symlink'
        ? ['ELOOP', 'is a symbolic link']
        : ['EISDIR', `is a ${entry.type}`];
  return Object.assign(new Error(`${path} ${what} in this commit`), { code });
}
