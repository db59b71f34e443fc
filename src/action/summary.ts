import { renderApprovalSummary } from '../approvals/render-approval-summary.js';
import type { Finding } from '../model/finding.js';
import { escapeMarkdown as md } from '../report/escape-markdown.js';
import { renderFindingTables } from '../report/markdown.js';
import { describeTally, tally } from '../report/tally.js';
import { renderIssuesSummary } from './issues-summary.js';
import type { Outcome, PullRequestContext } from './outcome.js';

/** GitHub drops a step summary over 1 MiB; stay clear of it. */
export const SUMMARY_LIMIT = 1000 * 1000;

/**
 * The job summary: the verdict first, then what was checked, the owner
 * approvals (with `statusNote`, a status that was not written), policy
 * file changes, the findings that count (a table per file) and, folded
 * away, pre-existing ones. Every value from a file is escaped. The tables
 * fall back to counts per file so that the whole stays under SUMMARY_LIMIT.
 */
export function renderSummary(outcome: Outcome, statusNote = ''): string {
  const approvals = outcome.approval
    ? renderApprovalSummary(outcome.approval, statusNote)
    : '';
  const head = [
    verdict(outcome),
    context(outcome),
    approvals,
    outcome.audit ? renderIssuesSummary(outcome.audit) : '',
    policySection(outcome),
  ]
    .filter((part) => part !== '')
    .join('\n');
  const shown = outcome.failOnExisting ? [] : outcome.existing;
  const room = SUMMARY_LIMIT - Buffer.byteLength(head) - 2048;
  const judged = findingsSection(outcome, shown.length ? room * 0.75 : room);
  const rest = room - Buffer.byteLength(judged);
  return [head, judged, existingSection(shown, rest)].join('\n');
}

function verdict(o: Outcome): string {
  const what =
    o.mode === 'pull-request' ? 'this pull request' : 'the inventory';
  const title = o.failed
    ? `## ❌ nhi-policy: ${what} needs changes`
    : unapproved(o)
      ? `## ❌ nhi-policy: ${what} passes the policies, and waits for owner approval`
      : `## ✅ nhi-policy: ${what} passes`;
  const scope =
    o.mode === 'inventory'
      ? 'In the whole inventory'
      : o.failOnExisting
        ? 'In this pull request and the files it does not change'
        : 'In what this pull request changes';
  const threshold =
    o.failOn === 'never'
      ? 'Findings never fail this check (fail-on: never).'
      : `Findings of severity ${o.failOn} or higher fail the check.`;
  return [
    title,
    '',
    `${scope}: ${describeTally(tally(o.judged))}. ${threshold}`,
    '',
  ].join('\n');
}

/** True when the owner-approval gate ran and did not approve. */
function unapproved(o: Outcome): boolean {
  const a = o.approval;
  if (a === null || a.kind === 'merge-group') return false;
  return a.kind === 'error' || a.verdict.state !== 'approved';
}

function context(o: Outcome): string {
  const { files, today } = o.report;
  const checked = count(files.checked, 'identity file');
  const pr = o.pullRequest;
  if (pr === null) {
    return `Checked all ${checked} in the checkout on ${today}.\n`;
  }
  const lines = [
    `${prName(pr)} changes ${count(pr.changes.length, 'file')}, ` +
      `${pr.identityChanges} of them in the inventory. ` +
      `Checked ${checked} at the head commit \`${short(pr.headSha)}\` on ${today}, ` +
      `with the configuration, owners registry, policies and waivers of the ` +
      `base commit \`${short(pr.baseSha)}\`.`,
    '',
  ];
  if (pr.fork) {
    lines.push(
      `> [!NOTE]\n> This pull request comes from the fork ${md(pr.headRepo || 'that was deleted')}. ` +
        'GitHub gives its workflow a read-only token, so nhi-policy only ' +
        'reports here; the verdict is computed exactly as for any other pull request.',
      '',
    );
  }
  return lines.join('\n');
}

function policySection(o: Outcome): string {
  const changed = o.pullRequest?.policyChanges ?? [];
  if (changed.length === 0) return '';
  return [
    '### ⚠️ Files that govern the check changed',
    '',
    ...changed.map((p) => `- ${md(p)}`),
    '',
    'This pull request was judged by the versions of these files on the ' +
      'base branch, not by its own. Changes to them need the approval of ' +
      'the policy owners before they take effect.',
    '',
  ].join('\n');
}

function findingsSection(o: Outcome, maxBytes: number): string {
  const heading =
    o.mode === 'pull-request'
      ? '### Findings in this pull request'
      : '### Findings';
  if (o.judged.length === 0) return `${heading}\n\nNone.\n`;
  const tables = renderFindingTables(o.judged, maxBytes).trimEnd();
  return `${heading}\n\n${tables}\n`;
}

function existingSection(
  existing: readonly Finding[],
  maxBytes: number,
): string {
  if (existing.length === 0) return '';
  const counts = describeTally(tally(existing));
  return [
    '<details>',
    `<summary>Pre-existing findings, not counted: ${counts}</summary>`,
    '',
    'These were already there where the branch began, in files this pull ' +
      'request does not change. They do not fail this check; the scheduled ' +
      'run lists them for their owners.',
    '',
    renderFindingTables(existing, maxBytes - 1024).trimEnd(),
    '',
    '</details>',
    '',
  ].join('\n');
}

function prName(pr: PullRequestContext): string {
  return pr.number === null ? 'This merge group' : `Pull request #${pr.number}`;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function short(sha: string): string {
  return sha.slice(0, 7);
}
