import { escapeMarkdown as md } from '../../report/escape-markdown.js';
import type { AuditItem } from '../audit-item.js';
import { countLine } from '../render-audit-text.js';
import { itemTag, teamMarker } from './team-marker.js';

const STEPS: Record<AuditItem['step'], string> = {
  rotation:
    'follow the rotation checklist in the runbook, then record the date with `nhi-policy rotate`',
  review:
    'hold the review (still needed? scopes right? rotated on time? dependents current?), then record it with `nhi-policy review`',
  ownership:
    'name a real owning team and person from the owners registry in the identity file',
  deprovisioning:
    'follow the deprovisioning checklist in the runbook and record each step in the identity file',
  waiver:
    'fix the identity so the rule passes, or renew the waiver with a new expiry date and approval',
};

export interface TeamIssue {
  title: string;
  body: string;
}

/**
 * The rolling issue of one team: a hidden marker, then one checklist entry
 * per due item (what, since when, the steps, who verifies). The body holds
 * no date that changes by itself, so it only changes when the items do;
 * entries someone ticked stay ticked.
 */
export function renderTeamIssue(
  team: string,
  teamName: string,
  items: readonly AuditItem[],
  ticked: ReadonlySet<string>,
): TeamIssue {
  const body = [
    teamMarker(team),
    `Non-human identities owned by **${md(teamName)}** need attention: ${countLine(items)}.`,
    '',
    ...items.map((item) => entry(item, ticked.has(itemTag(item.key)))),
    '',
    'Each entry closes itself: once the identity file records the fix on the default branch, the next audit drops it, and closes this issue when nothing is left. Ticking a box is for your own tracking.',
    '',
    '<sub>Kept up to date by the nhi-policy scheduled audit. Edits to this text are overwritten; comments are kept.</sub>',
  ].join('\n');
  return { title: `Non-human identities due: ${teamName}`, body: `${body}\n` };
}

function entry(item: AuditItem, done: boolean): string {
  const when =
    item.daysLeft < 0
      ? `overdue since ${item.due}`
      : item.daysLeft === 0
        ? `due ${item.due}`
        : `due by ${item.due}`;
  const verifier = item.verifier ? ` Verified by: ${md(item.verifier)}.` : '';
  return (
    `- [${done ? 'x' : ' '}] **${md(item.identity)}**: ${md(item.title)} (${when}). ` +
    `Steps: ${STEPS[item.step]}.${verifier} File: \`${item.file.replace(/`/g, "'")}\`` +
    ` <!-- item:${itemTag(item.key)} -->`
  );
}
