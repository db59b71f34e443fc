import { describeParty } from './describe-party.js';
import type { HistoryRecord } from './identity-record.js';
import type { RunbookContext } from './runbook-context.js';
import { safeCode, safeText } from './safe-text.js';

/** Section 9: where use is logged, how changes are tracked, what happened. */
export function auditTrailSection(ctx: RunbookContext): string[] {
  const { record } = ctx;
  const lines = [
    '## 9. Audit and logging',
    '',
    `- Where its use is logged: ${safeText(record.audit?.logRef)}`,
    `- How changes are tracked: ${record.audit?.changeTracking === undefined ? 'pull requests to the identity file, approved by its owning team' : safeText(record.audit.changeTracking)}`,
    '',
  ];
  if (record.history.length === 0) {
    lines.push('No history is recorded yet.');
    return lines;
  }
  lines.push(
    '| Date (UTC) | Action | By | Verified by | Credential | Evidence | Note |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...record.history.map((h) => historyRow(h, ctx)),
  );
  return lines;
}

function historyRow(h: HistoryRecord, { owners }: RunbookContext): string {
  const cells = [
    safeText(h.date, true),
    safeText(h.action, true),
    describeParty(h.by, owners, true),
    h.verifiedBy === undefined ? '' : describeParty(h.verifiedBy, owners, true),
    h.credential === undefined ? '' : safeCode(h.credential, true),
    h.evidence === undefined ? '' : safeCode(h.evidence, true),
    h.note === undefined ? '' : safeText(h.note, true),
  ];
  return `| ${cells.join(' | ')} |`;
}
