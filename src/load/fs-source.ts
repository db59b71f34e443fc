import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  FileTooLargeError,
  type Entry,
  type EntryType,
  type Source,
} from './source.js';

const NO_FOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/** A source over a folder on disk; symlinks are listed, never followed. */
export class FsSource implements Source {
  constructor(readonly root: string) {}

  list(dir: string): Entry[] | null {
    let dirents: fs.Dirent[];
    try {
      this.refuseLinks(dir);
      dirents = fs.readdirSync(this.resolve(dir), { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    const prefix = dir === '' ? '' : `${dir}/`;
    return dirents.map((d) => ({ path: prefix + d.name, type: typeOf(d) }));
  }

  read(file: string, maxBytes: number): Buffer {
    const fd = fs.openSync(
      this.resolve(file),
      fs.constants.O_RDONLY | NO_FOLLOW,
    );
    try {
      const { size } = fs.fstatSync(fd);
      if (size > maxBytes) throw new FileTooLargeError(size);
      const buffer = Buffer.allocUnsafe(size);
      let filled = 0;
      while (filled < size) {
        const n = fs.readSync(fd, buffer, filled, size - filled, filled);
        if (n === 0) break;
        filled += n;
      }
      return buffer.subarray(0, filled);
    } finally {
      fs.closeSync(fd);
    }
  }

  readOptional(file: string, maxBytes: number): Buffer | null {
    let stats: fs.Stats;
    try {
      this.refuseLinks(file);
      stats = fs.lstatSync(this.resolve(file));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    if (stats.isSymbolicLink()) {
      throw new Error('it is a symbolic link, and links are never followed');
    }
    if (!stats.isFile()) throw new Error('it is not a regular file');
    return this.read(file, maxBytes);
  }

  /**
   * Refuses a path that passes through a linked folder, so that nothing
   * outside the tree is read by way of a link higher up.
   */
  private refuseLinks(relative: string): void {
    const parts = relative.split('/').filter((p) => p !== '');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (fs.lstatSync(this.resolve(folder)).isSymbolicLink()) {
        throw new Error(
          `${folder} is a symbolic link, and links are never followed`,
        );
      }
    }
  }

  private resolve(relative: string): string {
    return path.join(this.root, ...relative.split('/'));
  }
}

function typeOf(d: fs.Dirent): EntryType {
  if (d.isSymbolicLink()) return 'symlink';
  if (d.isDirectory()) return 'directory';
  if (d.isFile()) return 'file';
  return 'other';
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
