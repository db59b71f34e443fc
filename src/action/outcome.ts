import type { ApprovalResult } from '../approvals/approval-result.js';
import type { FailOn } from '../config/config.js';
import type { CheckReport } from '../evaluate/check-inventory.js';
import type { Change } from '../load/changed-files.js';
import { compareFindings, type Finding } from '../model/finding.js';
import { fails } from '../report/tally.js';
import type { Mode } from './mode.js';
import type { AuditIssues } from './run-audit-issues.js';
import type { ApprovalPlan } from './plan-approvals.js';
import type { PullRequest } from './pull-request.js';

/** What the pull request changed, for the reports. */
export interface PullRequestContext extends PullRequest {
  mergeBase: string;
  changes: Change[];
  /** How many of the changed files are identity files, before or after. */
  identityChanges: number;
  /** Changed configuration, owners, waiver, policy and workflow files. */
  policyChanges: string[];
  /** Who must approve, from the base commit's configuration. */
  approvalPlan: ApprovalPlan | null;
}

/** The result of one run, ready to be reported. */
export interface Outcome {
  mode: Mode;
  /** Every finding in the inventory; paths are repository-relative. */
  report: CheckReport;
  /** The findings the verdict is computed from, most severe first. */
  judged: Finding[];
  /** Findings that were there before the pull request. */
  existing: Finding[];
  /** True when pre-existing findings are judged too. */
  failOnExisting: boolean;
  failOn: FailOn;
  failed: boolean;
  pullRequest: PullRequestContext | null;
  /** The owner-approval gate's result; null when it did not run. */
  approval: ApprovalResult | null;
  /** The scheduled audit's rolling issues; null when they were not run. */
  audit: AuditIssues | null;
}

/**
 * Puts a run's findings together: `introduced` are always judged;
 * `existing` ones only with fail-on-existing. Fails when a judged finding
 * that is not waived reaches the failing severity.
 */
export function decideOutcome(parts: {
  mode: Mode;
  report: CheckReport;
  introduced: Finding[];
  existing: Finding[];
  failOn: FailOn;
  failOnExisting: boolean;
  pullRequest: PullRequestContext | null;
}): Outcome {
  const { introduced, ...rest } = parts;
  const judged = parts.failOnExisting
    ? [...introduced, ...parts.existing].sort(compareFindings)
    : introduced;
  const failed = fails(judged, parts.failOn);
  return { ...rest, judged, failed, approval: null, audit: null };
}
