/** What a path in a tree is, without following links. */
export type EntryType =
  'file' | 'directory' | 'symlink' | 'submodule' | 'other';

export interface Entry {
  /** Repository-relative path with forward slashes. */
  path: string;
  type: EntryType;
}

/** Thrown by `Source.read` when a file is larger than the limit. */
export class FileTooLargeError extends Error {
  constructor(readonly size: number) {
    super(`file is ${size} bytes`);
  }
}

/**
 * A tree of files to check: a folder on disk, or a commit in git. Nothing
 * read through a source is ever executed, and links are never followed.
 */
export interface Source {
  /** Lists the entries directly inside a folder, or null if it is absent. */
  list(dir: string): Entry[] | null;
  /** Reads a regular file, refusing one larger than `maxBytes`. */
  read(path: string, maxBytes: number): Buffer;
  /**
   * Reads a file, or returns null when nothing is at the path. Throws when
   * something other than a regular file is there (a link, a folder).
   */
  readOptional(path: string, maxBytes: number): Buffer | null;
}
