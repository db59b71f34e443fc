import {
  readApprovalSettings,
  type ApprovalSettings,
} from '../approvals/approval-settings.js';
import type {
  IdentityDoc,
  IdentityDocs,
} from '../approvals/pair-identity-changes.js';
import {
  requiredApprovals,
  type Requirement,
} from '../approvals/required-approvals.js';
import type { Workspace } from '../config/workspace.js';
import { decodeUtf8 } from '../load/decode.js';
import type { Change } from '../load/changed-files.js';
import { parseYaml } from '../load/parse.js';
import type { Source } from '../load/source.js';
import type { OwnersRegistry } from '../model/owners.js';
import { toInventoryPath, toRepoPath } from './repo-paths.js';

/** Who must approve a pull request, worked out before any API call. */
export interface ApprovalPlan {
  settings: ApprovalSettings;
  /** The owners registry of the base commit. */
  owners: OwnersRegistry;
  requirements: Requirement[];
}

/** The parts of a checked pull request the plan is made from. */
export interface PlanInput {
  workspace: Workspace;
  directory: string;
  /** Every changed file, repository-relative. */
  changes: readonly Change[];
  /** Changed governing files (policy-changes.ts), repository-relative. */
  policyChanges: readonly string[];
  /** Identity documents where the branch began and at the head. */
  startDocs: IdentityDocs;
  headDocs: IdentityDocs;
  /** The base commit's tree when the base branch moved on, else null. */
  baseTree: Source | null;
}

/**
 * Works out who must approve. The base version of a changed identity is
 * its version at the tip of the base branch when it is there (ownership
 * may have moved since the branch began), else where the branch began.
 * Throws ConfigError when the approvals section names an unknown team.
 */
export function planApprovals(input: PlanInput): ApprovalPlan {
  const { workspace, directory } = input;
  const settings = readApprovalSettings(workspace.config, workspace.owners);
  const files = input.changes
    .map((c) => insideDirectory(c, directory))
    .filter((c): c is Change => c !== null);
  const waivers = (p: string) =>
    (toInventoryPath(directory, p) ?? '').startsWith(
      `${workspace.config.waiversDir}/`,
    );
  const requirements = requiredApprovals(
    {
      files,
      policyFiles: input.policyChanges.filter((p) => !waivers(p)),
      waiverFiles: input.policyChanges.filter(waivers),
    },
    baseDocs(input, files),
    input.headDocs,
    workspace.owners,
    settings,
  ).map((r) =>
    r.kind === 'identity' ? { ...r, file: toRepoPath(directory, r.file) } : r,
  );
  return { settings, owners: workspace.owners, requirements };
}

/** The change with inventory paths, or null when it is outside. */
function insideDirectory(c: Change, directory: string): Change | null {
  const path = toInventoryPath(directory, c.path);
  if (path === null) return null;
  const previous =
    c.previousPath === undefined
      ? null
      : toInventoryPath(directory, c.previousPath);
  return previous === null
    ? { status: c.status, path }
    : { status: c.status, path, previousPath: previous };
}

function baseDocs(input: PlanInput, files: readonly Change[]): IdentityDocs {
  const { baseTree } = input;
  if (baseTree === null) return input.startDocs;
  const docs = new Map(input.startDocs);
  const maxBytes = input.workspace.config.maxFileBytes;
  for (const c of files) {
    const path = c.previousPath ?? c.path;
    if (!input.startDocs.has(path) && !input.headDocs.has(path)) continue;
    const bytes = readOptional(baseTree, path, maxBytes);
    if (bytes !== undefined) docs.set(path, bytes && parseDoc(bytes));
  }
  return docs;
}

/** The file's bytes; null when unreadable; undefined when absent. */
function readOptional(
  tree: Source,
  path: string,
  maxBytes: number,
): Buffer | null | undefined {
  try {
    return tree.readOptional(path, maxBytes) ?? undefined;
  } catch {
    return null;
  }
}

function parseDoc(bytes: Buffer): IdentityDoc | null {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return null;
  const parsed = parseYaml(decoded.text);
  return parsed.ok ? parsed.value : null;
}
