import type { Workspace } from '../config/workspace.js';
import { loadWorkspace } from '../config/workspace.js';
import { checkDeletions } from '../evaluate/check-deletions.js';
import {
  checkInventory,
  type CheckReport,
} from '../evaluate/check-inventory.js';
import { changedFiles, type Change } from '../load/changed-files.js';
import { discover } from '../load/discover.js';
import { ensureCommits } from '../load/ensure-commits.js';
import { GitSource } from '../load/git-source.js';
import { Git } from '../load/git.js';
import { findMergeBase } from '../load/merge-base.js';
import type { Source } from '../load/source.js';
import { SubtreeSource } from '../load/subtree-source.js';
import { ConfigError } from '../model/config-error.js';
import { compareFindings } from '../model/finding.js';
import { describeTally, tally } from '../report/tally.js';
import { toDay } from '../time/day.js';
import { classifyFindings } from './classify-findings.js';
import { decideOutcome, type Outcome } from './outcome.js';
import { planApprovals } from './plan-approvals.js';
import { policyChanges } from './policy-changes.js';
import type { PullRequest } from './pull-request.js';
import {
  repoRelativeReport,
  toInventoryPath,
  withRepoPaths,
} from './repo-paths.js';
import type { Log } from './runtime.js';
import { failOnFor, type Settings } from './settings.js';

type Doc = Record<string, unknown>;

/** One commit's inventory, checked. */
interface Checked {
  report: CheckReport;
  /** Every identity file found, with its document, null if it did not parse. */
  docs: Map<string, Doc | null>;
  /** Links, submodules and other entries refused in the inventory. */
  refused: string[];
}

/** What the steps of the check found, before the verdict. */
interface Evidence {
  mergeBase: string;
  /** The base commit's tree when the base branch moved on, else null. */
  baseTree: Source | null;
  workspace: Workspace;
  changes: Change[];
  head: Checked;
  start: Checked;
}

/**
 * Judges a pull request. Configuration, owners registry, policies and
 * waivers come from the base commit; identity files from the head commit,
 * read from git objects as data. The whole inventory at head is checked,
 * since rules span files; findings already there where the branch began
 * are reported as pre-existing. Throws ConfigError or GitError when the
 * check cannot be made.
 */
export function checkPullRequest(
  settings: Settings,
  pr: PullRequest,
  log: Log,
): Outcome {
  // Commits
  const git = openRepository(settings.path);
  const mergeBase = log.group('Fetch the base and head commits', () =>
    prepareCommits(git, pr, log),
  );
  const tree = (commit: string) =>
    inFolder(new GitSource(git, commit), settings.directory);
  const base = tree(pr.baseSha);
  const start = mergeBase === pr.baseSha ? base : tree(mergeBase);

  // Policies from the base, changes from git
  const workspace = log.group(
    `Load the configuration and policies of the base commit ${short(pr.baseSha)}`,
    () => withRepoPaths(settings.directory, () => loadWorkspace(base)),
  );
  const changes = log.group('List the changed files', () =>
    listChanges(git, mergeBase, pr.headSha, log),
  );

  // The inventory at head, and where the branch began
  const check = (source: Source) =>
    checkTree(source, workspace, settings.today, base, log);
  const evidence: Evidence = {
    mergeBase,
    baseTree: start === base ? null : base,
    workspace,
    changes,
    head: log.group(
      `Check the inventory at the head commit ${short(pr.headSha)}`,
      () => check(tree(pr.headSha)),
    ),
    start: log.group(
      `Check the inventory where the branch began, ${short(mergeBase)}`,
      () => check(start),
    ),
  };
  return judge(settings, pr, evidence);
}

function openRepository(dir: string): Git {
  const git = new Git(dir);
  if (!git.succeeds(['rev-parse', '--git-dir'])) {
    throw new ConfigError(
      `${dir} is not a git repository: run actions/checkout before nhi-policy, or point the input "path" at the checkout`,
    );
  }
  return git;
}

function prepareCommits(git: Git, pr: PullRequest, log: Log): string {
  const fetched = ensureCommits(git, [pr.baseSha, pr.headSha]);
  log.info(
    fetched.length === 0
      ? `Base ${short(pr.baseSha)} and head ${short(pr.headSha)} are in the checkout.`
      : `Fetched ${fetched.map(short).join(' and ')} from origin.`,
  );
  const mergeBase = findMergeBase(git, pr.baseSha, pr.headSha);
  log.info(`The head branch began at ${short(mergeBase)}.`);
  return mergeBase;
}

function listChanges(git: Git, from: string, to: string, log: Log): Change[] {
  const changes = changedFiles(git, from, to);
  log.info(
    `${changes.length} changed ${changes.length === 1 ? 'file' : 'files'}.`,
  );
  // File names go to debug, which the runner escapes, never to info.
  for (const c of changes) {
    log.debug(
      `${c.status}: ${c.previousPath ? `${c.previousPath} -> ` : ''}${c.path}`,
    );
  }
  return changes;
}

function checkTree(
  source: Source,
  workspace: Workspace,
  today: string,
  waiverSource: Source,
  log: Log,
): Checked {
  const docs = new Map<string, Doc | null>();
  const report = checkInventory(source, workspace, today, {
    waiverSource,
    visit: (file, doc) => docs.set(file, doc),
  });
  const { roots, ignore } = workspace.config;
  const found = discover(source, roots, ignore);
  for (const file of found.files) if (!docs.has(file)) docs.set(file, null);
  log.info(
    `Checked ${report.files.checked} identity files: ${describeTally(tally(report.findings))}.`,
  );
  return { report, docs, refused: found.refused.map((e) => e.path) };
}

function judge(settings: Settings, pr: PullRequest, e: Evidence): Outcome {
  const { directory } = settings;
  const deletions = checkDeletions(
    deletedPaths(e.changes, directory),
    e.start.docs,
    idsOf(e.head.docs),
    toDay(settings.today) ?? 0,
  );
  const report = repoRelativeReport(
    {
      ...e.head.report,
      findings: [...e.head.report.findings, ...deletions].sort(compareFindings),
    },
    directory,
  );
  const before = repoRelativeReport(e.start.report, directory).findings;
  const changed = new Set(
    e.changes.flatMap((c) => [
      c.path,
      ...(c.previousPath ? [c.previousPath] : []),
    ]),
  );
  const { introduced, existing } = classifyFindings(
    report.findings,
    before,
    changed,
  );
  const governing = policyChanges(e.changes, e.workspace.config, directory);
  return decideOutcome({
    mode: 'pull-request',
    report,
    introduced,
    existing,
    failOn: failOnFor(settings, e.workspace.config),
    failOnExisting: settings.failOnExisting,
    pullRequest: {
      ...pr,
      mergeBase: e.mergeBase,
      changes: e.changes,
      identityChanges: countIdentityChanges(e, directory),
      policyChanges: governing,
      approvalPlan: planApprovals({
        workspace: e.workspace,
        directory,
        changes: e.changes,
        policyChanges: governing,
        startDocs: e.start.docs,
        headDocs: e.head.docs,
        baseTree: e.baseTree,
      }),
    },
  });
}

/** Inventory paths that the pull request removed (renamed away included). */
function deletedPaths(changes: readonly Change[], directory: string): string[] {
  return changes
    .map((c) =>
      c.status === 'deleted'
        ? c.path
        : c.status === 'renamed'
          ? c.previousPath
          : undefined,
    )
    .map((p) => (p === undefined ? null : toInventoryPath(directory, p)))
    .filter((p): p is string => p !== null);
}

function idsOf(docs: Map<string, Doc | null>): Set<string> {
  const ids = new Set<string>();
  for (const doc of docs.values()) {
    if (typeof doc?.id === 'string') ids.add(doc.id);
  }
  return ids;
}

function countIdentityChanges(e: Evidence, directory: string): number {
  const identities = new Set([
    ...e.head.docs.keys(),
    ...e.head.refused,
    ...e.start.docs.keys(),
    ...e.start.refused,
  ]);
  const isIdentity = (p: string | undefined) => {
    const path = p === undefined ? null : toInventoryPath(directory, p);
    return path !== null && identities.has(path);
  };
  return e.changes.filter(
    (c) => isIdentity(c.path) || isIdentity(c.previousPath),
  ).length;
}

function inFolder(source: Source, folder: string): Source {
  return folder === '' ? source : new SubtreeSource(source, folder);
}

function short(sha: string): string {
  return sha.slice(0, 7);
}
