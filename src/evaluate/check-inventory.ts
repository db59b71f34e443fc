import { compareFindings, type Finding } from '../model/finding.js';
import type { Rule } from '../model/rule.js';
import { DEFAULT_APPROVALS } from '../approvals/approval-settings.js';
import type { Workspace } from '../config/workspace.js';
import { decodeUtf8 } from '../load/decode.js';
import { discover, type Skipped } from '../load/discover.js';
import { createLocator } from '../load/locate.js';
import type { Source } from '../load/source.js';
import { toDay } from '../time/day.js';
import { checkFile } from './check-file.js';
import { CODE_RULES } from './code-rules.js';
import { checkAcrossFiles, type CrossFileFinding } from './cross-file.js';
import { findingAt } from './file-report.js';
import { factsOf, type IdentityFacts } from './identity-facts.js';
import { createIdentityChecker } from './identity-checker.js';
import { applyWaivers, loadWaivers } from './waivers.js';
import type { ParsedIdentity } from '../runbook/build-runbooks.js';
import { checkRunbooks } from '../runbook/check-runbooks.js';

/** The outcome of checking an inventory. */
export interface CheckReport {
  /** The evaluation date, YYYY-MM-DD. */
  today: string;
  /** Every finding, most severe first; waived ones carry `waivedBy`. */
  findings: Finding[];
  files: { found: number; checked: number; skipped: Skipped[] };
  /** Every rule that could have fired, for reports that list rules. */
  rules: Rule[];
}

export interface CheckOptions {
  /** Called with each identity that parsed, for callers that need the data. */
  visit?: (file: string, doc: Record<string, unknown>) => void;
  /**
   * Where waivers are read from, when not the inventory's own tree: a pull
   * request is judged by the waivers of its base commit.
   */
  waiverSource?: Source;
}

/**
 * Checks every identity file in the inventory against every policy and the
 * cross-file rules, on one evaluation date. Problems in identity files are
 * findings; only the workspace (configuration, policies) can throw.
 */
export function checkInventory(
  source: Source,
  workspace: Workspace,
  today: string,
  options: CheckOptions = {},
): CheckReport {
  const { config } = workspace;
  const day = toDay(today);
  if (day === null)
    throw new Error(`evaluation date "${today}" is not YYYY-MM-DD`);

  // Discover
  const found = discover(source, config.roots, config.ignore);
  const findings: Finding[] = found.refused.map((entry) =>
    findingAt(
      CODE_RULES.fileRefused,
      entry.path,
      { line: 1, column: 1 },
      entry.type === 'symlink'
        ? 'this is a symbolic link; links are never followed: replace it with a regular file inside the inventory'
        : entry.type === 'submodule'
          ? 'this is a git submodule; identities must live in this repository as regular files'
          : 'this is not a regular file: replace it with one',
    ),
  );

  // Evaluate each file
  const check = createIdentityChecker(workspace.policies, day, config.rules);
  const facts: IdentityFacts[] = [];
  const parsed: ParsedIdentity[] = [];
  for (const file of found.files) {
    const result = checkFile(source, file, config.maxFileBytes, check);
    findings.push(...result.findings);
    if (result.doc) {
      facts.push(factsOf(file, result.doc));
      options.visit?.(file, result.doc);
      if (config.runbooksDir !== null) parsed.push({ file, doc: result.doc });
    }
  }

  // Cross-file rules
  const cross = checkAcrossFiles(facts, workspace.owners)
    .filter((f) => config.rules[f.rule.id]?.enabled !== false)
    .map((f) => ({
      ...f,
      severity: config.rules[f.rule.id]?.severity ?? f.severity,
    }));
  findings.push(...positionCrossFile(source, cross, config.maxFileBytes));

  // Runbooks, only in inventories that keep them
  findings.push(...checkRunbooks(source, workspace, parsed, found.files));

  // Waivers
  const loaded = loadWaivers(
    options.waiverSource ?? source,
    config.waiversDir,
    workspace.validateWaiver,
    workspace.schemas.waiver,
  );
  const identityFiles = new Map<string, string>();
  for (const f of facts)
    if (f.id !== null && !identityFiles.has(f.id))
      identityFiles.set(f.id, f.file);
  findings.push(
    ...loaded.findings,
    ...applyWaivers(findings, loaded.waivers, {
      today: day,
      identityFiles,
      ruleIds: new Set(workspace.rules.keys()),
      approvers: waiverApprovers(workspace),
    }),
  );

  findings.sort(compareFindings);
  return {
    today,
    findings,
    files: {
      found: found.files.length + found.refused.length + found.skipped.length,
      checked: found.files.length,
      skipped: found.skipped,
    },
    rules: [...workspace.rules.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

/** Cross-file findings are rare: their files are read again for positions. */
function positionCrossFile(
  source: Source,
  cross: CrossFileFinding[],
  maxBytes: number,
): Finding[] {
  const byFile = new Map<string, CrossFileFinding[]>();
  for (const f of cross) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const out: Finding[] = [];
  for (const [file, list] of byFile) {
    const decoded = decodeUtf8(source.read(file, maxBytes));
    const locator = decoded.ok ? createLocator(decoded.text) : null;
    for (const f of list) {
      const at = locator?.locate(f.pointer) ?? { line: 1, column: 1 };
      out.push(
        findingAt(f.rule, file, at, f.message, {
          pointer: f.pointer,
          severity: f.severity,
        }),
      );
    }
  }
  return out;
}

/**
 * The team that approves waivers: the approval gate's security team
 * (`approvals.securityTeam`, default `security`) and its members.
 */
function waiverApprovers(workspace: Workspace): {
  team: string;
  members: ReadonlySet<string>;
} {
  const named = workspace.config.approvals.securityTeam;
  const team =
    typeof named === 'string' ? named : DEFAULT_APPROVALS.securityTeam;
  return {
    team,
    members: new Set(workspace.owners.teams.get(team)?.members ?? []),
  };
}
