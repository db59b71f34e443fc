import { OverlaySource } from '../authoring/overlay-source.js';
import { checkInventory } from '../evaluate/check-inventory.js';
import type { Finding } from '../model/finding.js';
import type { OpenInventory } from './inventory.js';

/**
 * The unwaived errors the check would report for `file` if it held
 * `text`, judged with the rest of the inventory as it is on disk.
 */
export function blockingErrors(
  { source, workspace, today }: OpenInventory,
  file: string,
  text: string,
): Finding[] {
  const overlay = new OverlaySource(source, file, Buffer.from(text));
  return checkInventory(overlay, workspace, today).findings.filter(
    (f) => f.file === file && f.severity === 'error' && !f.waivedBy,
  );
}
