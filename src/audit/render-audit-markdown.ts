import { escapeMarkdown as md } from '../report/escape-markdown.js';
import type { AuditItem } from './audit-item.js';
import type { AuditReport } from './audit-inventory.js';
import { countLine, groupByTeam, windowText } from './render-audit-text.js';

const STEPS: Record<AuditItem['step'], string> = {
  rotation:
    'follow the rotation checklist in the runbook, then record the new date in the identity file',
  review:
    'hold the review (still needed? scopes right? rotated on time? dependents current?) and record review.lastReviewed',
  ownership:
    'name a real owning team and person from the owners registry in the identity file',
  deprovisioning:
    'follow the deprovisioning checklist in the runbook and record each step',
  waiver:
    'fix the identity so the rule passes, or renew the waiver with a new expiry date and approval',
};

/** The whole audit as Markdown, one section per team with items due. */
export function renderAuditMarkdown(report: AuditReport): string {
  const byTeam = groupByTeam(report.items);
  const out = [
    `## nhi-policy audit, ${report.today}`,
    '',
    `${report.items.length} items due across ${byTeam.size} teams (${windowText(report)}).`,
    '',
  ];
  for (const [team, items] of byTeam) {
    out.push(
      `### ${md(team)}: ${countLine(items)}`,
      '',
      ...items.map(checklistLine),
      '',
    );
  }
  return `${out.join('\n')}\n`;
}

/** One team's items as a task list, as used in its rolling issue. */
export function renderTeamChecklist(items: readonly AuditItem[]): string {
  return items.map(checklistLine).join('\n');
}

function checklistLine(item: AuditItem): string {
  const when =
    item.daysLeft < 0
      ? `overdue since ${item.due}`
      : item.daysLeft === 0
        ? `due today, ${item.due}`
        : `due ${item.due}`;
  const verifier = item.verifier ? `; verified by ${md(item.verifier)}` : '';
  return `- [ ] **${md(item.identity)}**: ${md(item.title)} (${when}). Steps: ${STEPS[item.step]}${verifier}. File: ${md(item.file)}`;
}
