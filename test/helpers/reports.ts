import type { CheckReport } from '../../src/evaluate/check-inventory.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';

/** A report rendered in every format the CLI offers, by format name. */
export function renderAll(report: CheckReport): Record<string, string> {
  return {
    text: renderText(report, false),
    json: renderJson(report, 'error'),
    sarif: renderSarif(report, '0.0.0'),
    markdown: renderMarkdown(report, 'error'),
  };
}
