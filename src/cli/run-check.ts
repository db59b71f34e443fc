import { checkInventory } from '../evaluate/check-inventory.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { fails } from '../report/tally.js';
import { renderText } from '../report/text.js';
import { VERSION } from '../version.js';
import { emit, openInventory } from './inventory.js';
import type { Io } from './io.js';
import type { CheckArgs } from './parse-args.js';

/** `nhi-policy check`: 1 when a finding reaches the failing severity. */
export function runCheck(args: CheckArgs, io: Io): number {
  const { source, workspace, today } = openInventory(args.dir, args.today);
  const report = checkInventory(source, workspace, today);
  const failOn = args.failOn ?? workspace.config.failOn;

  const color =
    args.color ?? (io.isTty && !io.env.NO_COLOR && io.env.TERM !== 'dumb');
  const render = {
    text: () => renderText(report, color && !args.output),
    json: () => renderJson(report, failOn),
    sarif: () => renderSarif(report, VERSION),
    markdown: () => renderMarkdown(report, failOn),
  }[args.format];

  emit(io, args.output, render());
  return fails(report.findings, failOn) ? 1 : 0;
}
