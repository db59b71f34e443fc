import { checklist } from './checklist.js';
import { describeParty } from './describe-party.js';
import type { CredentialRecord } from './identity-record.js';
import { dependentPhrase, dueText } from './phrases.js';
import type { RunbookContext } from './runbook-context.js';
import { command } from './command-text.js';
import { safeCode, safeText } from './safe-text.js';

/** Section 7: the periodic access review and what it confirms. */
export function reviewSection(ctx: RunbookContext): string[] {
  const { record, owners, schedule } = ctx;
  const review = record.review;
  const due = schedule.find((s) => s.kind.startsWith('review'));
  const steps = [
    `Still needed? Its purpose: ${safeText(record.purpose)} If it is no longer needed, stop here and follow the deprovisioning checklist (section 8).`,
    ...record.scopes.map(
      (scope) => `Scope still right, and still needed: ${safeCode(scope)}`,
    ),
    ...record.credentials.map((c) => rotatedStep(c, ctx)),
    ...record.dependents.map(
      (d) => `Dependent still current: ${dependentPhrase(d, owners)}`,
    ),
    `Owner and contacts still right: ${describeParty(record.team, owners)}, ${describeParty(record.individual, owners)}, and the call order in section 3.`,
    `Record the review (or ask an engineer to): in the inventory folder, run ${command`nhi-policy review ${record.file} --by YOUR-KEY --evidence TICKET-OR-ISSUE-LINK`}, with your key and the ticket or review issue in place of the capital words. Open a pull request.`,
  ];
  return [
    '## 7. Quarterly review checklist',
    '',
    review === undefined
      ? '- Review interval: not recorded (add review.intervalDays to the identity file).'
      : `- Every ${review.intervalDays ?? '?'} days; last reviewed ${safeText(review.lastReviewed)} by ${describeParty(review.reviewedBy, owners)}; next due ${dueText(due)} (UTC).`,
    '- The scheduled workflow opens one review issue per owning team each quarter; tick the boxes there, or print this page.',
    '',
    ...checklist(steps),
  ];
}

function rotatedStep(c: CredentialRecord, { schedule }: RunbookContext) {
  if (c.type === 'federated') {
    return `Keyless credential ${safeCode(c.id)} still trusts only subject ${safeCode(c.subject)}.`;
  }
  if (c.status === 'revoked') {
    return `Credential ${safeCode(c.id)} is revoked and no longer stored anywhere.`;
  }
  const due = schedule.find(
    (s) => s.credential === c.id && s.kind.startsWith('rotation'),
  );
  return `Rotated on time: credential ${safeCode(c.id)} last rotated ${safeText(c.lastRotated ?? c.created)}, every ${c.rotation?.intervalDays ?? '?'} days, next due ${dueText(due)}.`;
}
