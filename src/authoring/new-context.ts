import type { Workspace } from '../config/workspace.js';

/** What the questions of `new` check their answers against. */
export interface NewContext {
  workspace: Workspace;
  /** Today in UTC, YYYY-MM-DD. */
  today: string;
  /** Ids already used by identity files (from their file names). */
  existingIds: Set<string>;
  /** Storage backends the policies approve, when they name a list. */
  backends: string[] | null;
}

/** Answers by question key; lists for questions with several answers. */
export type Answers = Record<string, string | string[] | undefined>;
