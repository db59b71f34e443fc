import { InputError } from '../model/input-error.js';
import type { OwnersRegistry } from '../model/owners.js';
import {
  readIdentity,
  requireNotBefore,
  requirePerson,
  requireRecordInput,
  type RecordInput,
} from './record-checks.js';
import { verifyEdit } from './verify-edit.js';
import { editYaml, type YamlItem } from './yaml-editor.js';

type Fields = Record<string, unknown>;

/**
 * Records an access review in an identity file's text: sets
 * review.lastReviewed and review.reviewedBy and appends a `reviewed`
 * history entry, keeping everything else byte for byte. Throws InputError
 * for a person missing from the registry or a file without a review block.
 */
export function recordReview(
  text: string,
  input: RecordInput,
  owners: OwnersRegistry,
): string {
  const doc = readIdentity(text);
  requireRecordInput(input);
  requirePerson(owners, input.by, '--by');
  const review = doc.review;
  if (!review || typeof review !== 'object' || Array.isArray(review)) {
    throw new InputError(
      'the file has no review section: add "review:" with "intervalDays:" (how often access is reviewed) first',
    );
  }
  requireNotBefore(
    input.date,
    (review as Fields).lastReviewed,
    'the last review',
  );

  const event: YamlItem = {
    action: 'reviewed',
    date: input.date,
    by: input.by,
    evidence: input.evidence,
    ...(input.note === undefined ? {} : { note: input.note }),
  };
  const editor = editYaml(text);
  editor.set(['review', 'lastReviewed'], input.date, ['intervalDays']);
  editor.set(['review', 'reviewedBy'], input.by, ['lastReviewed']);
  editor.append(['history'], event);
  verifyEdit(doc, editor.text(), (expected) => {
    const r = expected.review as Fields;
    r.lastReviewed = input.date;
    r.reviewedBy = input.by;
    expected.history = [...((expected.history as unknown[]) ?? []), event];
  });
  return editor.text();
}
