import { describeParties } from './describe-party.js';
import { plainName } from './plain-name.js';
import type { RunbookContext } from './runbook-context.js';
import { NOT_RECORDED, safeCode, safeText } from './safe-text.js';

/** Section 1: what the identity is, why it exists, what it may do. */
export function overviewSection({ record, owners }: RunbookContext): string[] {
  const scopes =
    record.scopes.length === 0
      ? [`- Permissions (scopes): ${NOT_RECORDED}`]
      : [
          '- Permissions (scopes), exactly these and nothing more:',
          ...record.scopes.map((scope) => `  - ${safeCode(scope)}`),
        ];
  const lines = [
    '## 1. What it is and why it exists',
    '',
    record.purpose === undefined ? NOT_RECORDED : safeText(record.purpose),
    '',
    `- Kind: ${plainName('kind', record.kind)}`,
    `- Environment: ${safeText(record.environment)}`,
    `- Status: ${safeText(record.status)}`,
    `- Privilege: ${safeText(record.privilege)}`,
    ...scopes,
  ];
  if (record.justification !== undefined) {
    lines.push(`- Why it needs them: ${safeText(record.justification)}`);
  }
  const approval = record.approval;
  if (approval !== undefined) {
    lines.push(
      `- Approved: ticket ${safeCode(approval.ticket)}, by ${describeParties(approval.approvedBy, owners)}, on ${safeText(approval.approvedOn)}`,
    );
  }
  return lines;
}
