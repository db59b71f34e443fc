import { FileTooLargeError, type Entry, type Source } from '../load/source.js';

/**
 * A tree with one file added on top, not yet written: lets the check judge
 * a new identity file exactly as it would once the file is on disk.
 */
export class OverlaySource implements Source {
  constructor(
    private readonly base: Source,
    private readonly file: string,
    private readonly content: Buffer,
  ) {}

  list(dir: string): Entry[] | null {
    const entries = this.base.list(dir);
    const child = this.childOnPath(dir);
    if (child === null) return entries;
    const listed = entries ?? [];
    if (listed.some((e) => e.path === child.path)) return listed;
    return [...listed, child];
  }

  read(path: string, maxBytes: number): Buffer {
    if (path !== this.file) return this.base.read(path, maxBytes);
    if (this.content.length > maxBytes) {
      throw new FileTooLargeError(this.content.length);
    }
    return this.content;
  }

  readOptional(path: string, maxBytes: number): Buffer | null {
    if (path === this.file) return this.read(path, maxBytes);
    return this.base.readOptional(path, maxBytes);
  }

  /** The entry directly inside `dir` that leads to the added file. */
  private childOnPath(dir: string): Entry | null {
    const prefix = dir === '' ? '' : `${dir}/`;
    if (!this.file.startsWith(prefix)) return null;
    const rest = this.file.slice(prefix.length);
    const slash = rest.indexOf('/');
    return slash === -1
      ? { path: this.file, type: 'file' }
      : { path: prefix + rest.slice(0, slash), type: 'directory' };
  }
}
