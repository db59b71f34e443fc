import type { Change } from '../load/changed-files.js';

/** An identity document as parsed from its YAML file. */
export type IdentityDoc = Record<string, unknown>;

/**
 * Identity documents of one commit by path. A path present with null is an
 * identity file that did not parse; an absent path is no identity file.
 */
export type IdentityDocs = ReadonlyMap<string, IdentityDoc | null>;

/** One identity the pull request touches, before and after. */
export interface IdentityChange {
  /** The identity id, or its file path when the file has no readable id. */
  subject: string;
  change: 'added' | 'modified' | 'deleted' | 'moved';
  /** The file at the head commit, or the deleted file. */
  file: string;
  /** The base version; null for an added identity or an unreadable file. */
  before: IdentityDoc | null;
  /** The head version; null for a deleted identity or an unreadable file. */
  after: IdentityDoc | null;
  /** Whether the identity existed before and exists after. */
  existed: boolean;
  remains: boolean;
}

/**
 * Pairs the base and head versions of every changed identity file. A file
 * deleted in one place and added in another with the same id is one moved
 * identity, whether or not git saw a rename. Files that are identities in
 * neither commit are left out; so are copies' sources.
 */
export function pairIdentityChanges(
  changes: readonly Change[],
  base: IdentityDocs,
  head: IdentityDocs,
): IdentityChange[] {
  const paired = changes
    .map((c) => pairOne(c, base, head))
    .filter((p): p is IdentityChange => p !== null);
  return joinMoves(paired);
}

function pairOne(
  c: Change,
  base: IdentityDocs,
  head: IdentityDocs,
): IdentityChange | null {
  const { beforePath, afterPath } = pathsOf(c);
  const existed = beforePath !== undefined && base.has(beforePath);
  const remains = afterPath !== undefined && head.has(afterPath);
  if (!existed && !remains) return null;
  const before = existed ? (base.get(beforePath ?? '') ?? null) : null;
  const after = remains ? (head.get(afterPath ?? '') ?? null) : null;
  const file = (remains ? afterPath : beforePath) ?? c.path;
  const change = !existed
    ? 'added'
    : !remains
      ? 'deleted'
      : beforePath === afterPath
        ? 'modified'
        : 'moved';
  return {
    subject: idOf(after) ?? idOf(before) ?? file,
    change,
    file,
    before,
    after,
    existed,
    remains,
  };
}

/** Where the file was before (none when added) and after (none when deleted). */
function pathsOf(c: Change): { beforePath?: string; afterPath?: string } {
  const added = c.status === 'added' || c.status === 'copied';
  return {
    beforePath: added ? undefined : (c.previousPath ?? c.path),
    afterPath: c.status === 'deleted' ? undefined : c.path,
  };
}

/** Joins a deletion and an addition of the same id into one move. */
function joinMoves(changes: IdentityChange[]): IdentityChange[] {
  const added = new Map<string, IdentityChange>();
  for (const c of changes) {
    if (c.change === 'added' && idOf(c.after)) added.set(c.subject, c);
  }
  const joined = new Set<IdentityChange>();
  const result: IdentityChange[] = [];
  for (const c of changes) {
    const target = c.change === 'deleted' ? added.get(c.subject) : undefined;
    if (target === undefined || !idOf(c.before)) {
      result.push(c);
      continue;
    }
    added.delete(c.subject);
    joined.add(target);
    result.push({
      ...target,
      change: 'moved',
      before: c.before,
      existed: true,
    });
  }
  return result.filter((c) => !joined.has(c));
}

function idOf(doc: IdentityDoc | null): string | null {
  return typeof doc?.id === 'string' && doc.id !== '' ? doc.id : null;
}
