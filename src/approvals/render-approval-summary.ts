import { escapeMarkdown as md } from '../report/escape-markdown.js';
import type { ApprovalResult } from './approval-result.js';
import type { CountedReviews, IgnoredBecause } from './count-approvals.js';
import type {
  ApprovalState,
  ApprovalVerdict,
  RequirementVerdict,
} from './judge-approvals.js';
import type { Reason } from './required-approvals.js';

const TITLES: Record<ApprovalState | 'error' | 'merge-group', string> = {
  approved: '### ✅ Owner approval: approved',
  missing: '### ❌ Owner approval: approvals missing',
  blocked: '### ❌ Owner approval: changes requested',
  error: '### ❌ Owner approval: configuration error',
  'merge-group': '### ✅ Owner approval: merge group',
};

const ICONS: Record<ApprovalState, string> = {
  approved: '✅',
  missing: '❌',
  blocked: '⛔',
};

const REASONS: Record<Reason, string> = {
  owner: 'owner',
  'new-owner': 'new owner',
  fallback: 'stands in for an unknown owner',
  production: 'production',
  privilege: 'write or admin privilege',
  scopes: 'wider scopes or privilege',
  deletion: 'deletion',
  waivers: 'waiver change',
  policy: 'policy, owners or configuration change',
};

const IGNORED: Record<IgnoredBecause, string> = {
  author: 'wrote the pull request',
  bot: 'is a bot that the owners registry does not declare',
  'earlier-commit': 'approved an earlier commit',
};

/**
 * The owner-approval section of the job summary: the verdict, one table
 * row per changed identity or file and required team, the reviews that
 * did not count and why, and `note` (a status that was not written).
 * Every value from a file or the API is escaped.
 */
export function renderApprovalSummary(
  result: ApprovalResult,
  note = '',
): string {
  const parts =
    result.kind === 'verdict'
      ? [
          TITLES[result.verdict.state],
          '',
          ...verdictLines(result.verdict, result.context),
        ]
      : result.kind === 'error'
        ? [TITLES.error, '', md(result.message), '']
        : [TITLES['merge-group'], '', mergeGroupLine()];
  if (note !== '') parts.push(`> [!WARNING]\n> ${md(note)}`, '');
  return parts.join('\n');
}

function verdictLines(v: ApprovalVerdict, context: string): string[] {
  const sha = v.headSha.slice(0, 7);
  const rule =
    `An approval counts when it is the reviewer's latest approve or ` +
    `request-changes decision, on the head commit \`${sha}\`, not by the ` +
    `author of the pull request and not by a bot the owners registry does ` +
    `not declare. Team members come from ${membershipText(v)}. The ` +
    `status \`${codeSpan(context)}\` on \`${sha}\` carries this verdict.`;
  if (v.items.length === 0) {
    return ['No identity or policy file changed: no approval needed.', ''];
  }
  return [
    rule,
    '',
    '| | Identity or file | Change | Team | Why | Approved by | Missing |',
    '| --- | --- | --- | --- | --- | --- | ---: |',
    ...v.items.flatMap(rows),
    '',
    ...blockedLines(v.items),
    ...ignoredLines(v.counted),
  ];
}

function rows(item: RequirementVerdict): string[] {
  const r = item.requirement;
  const why = (reasons: readonly Reason[]) =>
    reasons.map((reason) => REASONS[reason]).join(', ');
  const unknown = r.unknownOwners.map(
    (t) => `owner ${md(t)} is not in the registry`,
  );
  return item.teams.map((team, i) => {
    const need = r.teams[i];
    const reasons = [why(need?.reasons ?? [])];
    if (need?.reasons.includes('fallback')) reasons.push(...unknown);
    return row([
      ICONS[item.state],
      md(r.subject),
      r.change,
      md(team.team) + (team.needed > 1 ? ` (${team.needed} approvals)` : ''),
      reasons.join('; '),
      team.approvedBy.map(md).join(', ') || '—',
      String(team.missing),
    ]);
  });
}

function blockedLines(items: readonly RequirementVerdict[]): string[] {
  const blocked = items.filter((i) => i.blockedBy.length > 0);
  if (blocked.length === 0) return [];
  return [
    ...blocked.map(
      (i) =>
        `- ⛔ ${i.blockedBy.map(md).join(', ')} requested changes on ` +
        `${md(i.requirement.subject)}: the merge stays blocked until they ` +
        'approve or their review is dismissed.',
    ),
    '',
  ];
}

function ignoredLines(counted: CountedReviews): string[] {
  if (counted.ignored.length === 0) return [];
  return [
    'Not counted:',
    '',
    ...counted.ignored.map((i) => {
      const at =
        i.because === 'earlier-commit' ? ` \`${i.commitId.slice(0, 7)}\`` : '';
      return `- ${md(i.login)} ${IGNORED[i.because]}${at}.`;
    }),
    '',
  ];
}

function membershipText(v: ApprovalVerdict): string {
  return v.membership === 'github'
    ? 'the GitHub teams named in the owners registry'
    : 'the owners registry of the base commit';
}

function mergeGroupLine(): string {
  return (
    'Each pull request in this merge group passed the owner-approval ' +
    'status before it was queued.\n'
  );
}

/** Text for inside a code span, where escapes would show: no backticks. */
function codeSpan(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[`\u0000-\u001f\u007f]/g, "'");
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
