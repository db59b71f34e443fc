import { auditInventory } from '../audit/audit-inventory.js';
import { renderAuditJson } from '../audit/render-audit-json.js';
import { renderAuditMarkdown } from '../audit/render-audit-markdown.js';
import { renderAuditText } from '../audit/render-audit-text.js';
import { renderIcal } from '../audit/render-ical.js';
import { severityRank } from '../model/finding.js';
import { emit, openInventory } from './inventory.js';
import type { Io } from './io.js';
import type { AuditArgs } from './parse-args.js';

/** `nhi-policy audit`: 1 only when asked to fail on a severity present. */
export function runAudit(args: AuditArgs, io: Io): number {
  const { source, workspace, today } = openInventory(args.dir, args.today);
  const report = auditInventory(source, workspace, today);
  const render = {
    text: () => renderAuditText(report),
    json: () => renderAuditJson(report),
    markdown: () => renderAuditMarkdown(report),
    ical: () => renderIcal(report),
  }[args.format];

  emit(io, args.output, render());
  const { failOn } = args;
  if (failOn === 'never') return 0;
  const limit = severityRank(failOn);
  return report.items.some((i) => severityRank(i.severity) <= limit) ? 1 : 0;
}
