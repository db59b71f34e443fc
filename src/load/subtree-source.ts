import type { Entry, Source } from './source.js';

/**
 * A source seen from one of its folders: paths given to it and paths it
 * lists are relative to that folder. Used when the inventory and its
 * configuration live below the repository's top.
 */
export class SubtreeSource implements Source {
  constructor(
    private readonly inner: Source,
    readonly folder: string,
  ) {}

  list(dir: string): Entry[] | null {
    const entries = this.inner.list(this.outer(dir));
    const cut = this.folder.length + 1;
    return entries && entries.map((e) => ({ ...e, path: e.path.slice(cut) }));
  }

  read(path: string, maxBytes: number): Buffer {
    return this.inner.read(this.outer(path), maxBytes);
  }

  readOptional(path: string, maxBytes: number): Buffer | null {
    return this.inner.readOptional(this.outer(path), maxBytes);
  }

  private outer(path: string): string {
    return path === '' ? this.folder : `${this.folder}/${path}`;
  }
}
