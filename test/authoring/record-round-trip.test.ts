import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordReview } from '../../src/authoring/record-review.js';
import { recordRotation } from '../../src/authoring/record-rotation.js';
import { rotationVerifiers } from '../../src/authoring/rotation-verifiers.js';
import { loadWorkspace } from '../../src/config/workspace.js';
import { discover } from '../../src/load/discover.js';
import { FsSource } from '../../src/load/fs-source.js';
import { parseYaml } from '../../src/load/parse.js';
import { EXAMPLES } from '../runbook/example-inventory.js';
import { lineChanges } from './line-changes.js';

const source = new FsSource(EXAMPLES);
const { owners, config } = loadWorkspace(source);
const files = discover(source, config.roots, config.ignore).files;
const DATE = '2026-12-01';
const base = { date: DATE, today: DATE, evidence: 'CHG-4242' };

type Fields = Record<string, unknown>;
const examples = files.map((file) => {
  const text = readFileSync(path.join(EXAMPLES, file), 'utf8');
  const parsed = parseYaml(text);
  if (!parsed.ok) throw new Error(file);
  return { file, text, doc: parsed.value };
});

const rotatable = examples.flatMap(({ file, text, doc }) =>
  doc.status === 'decommissioned'
    ? []
    : ((doc.credentials ?? []) as Fields[])
        .filter((c) => c.type !== 'federated' && c.status !== 'revoked')
        .map((c) => ({
          file,
          text,
          credential: String(c.id),
          lastRotated: c.lastRotated,
          ...rotationPeople(c),
        })),
);

/** A verifier the credential accepts, and someone else who rotated. */
function rotationPeople(credential: Fields) {
  const party = (credential.rotation as Fields | undefined)?.verifiedBy;
  const allowed = rotationVerifiers(party as string | undefined, owners);
  const verifiedBy = allowed?.[0] ?? 'amara-nwosu';
  const by = verifiedBy === 'yuki-tanaka' ? 'amara-nwosu' : 'yuki-tanaka';
  return { by, verifiedBy };
}
const reviewed = examples.filter(({ doc }) => doc.review !== undefined);

describe('rotate keeps every other byte', () => {
  it('covers the rotatable credentials of the examples', () => {
    expect(rotatable.length).toBeGreaterThan(25);
  });

  it.each(rotatable.map((r) => [`${r.file} ${r.credential}`, r] as const))(
    '%s',
    (_name, { text, credential, lastRotated, by, verifiedBy }) => {
      const after = recordRotation(
        text,
        { ...base, by, verifiedBy, credential },
        owners,
      );
      const { removed, added } = lineChanges(text, after);
      expect(removed).toEqual(
        lastRotated === undefined
          ? []
          : [`    lastRotated: ${String(lastRotated)}`],
      );
      expect(added).toEqual([
        `    lastRotated: ${DATE}`,
        ...(text.includes('\nhistory:') ? [] : ['history:']),
        '  - action: rotated',
        `    date: ${DATE}`,
        `    by: ${by}`,
        `    verifiedBy: ${verifiedBy}`,
        `    credential: ${credential}`,
        '    evidence: CHG-4242',
      ]);
    },
  );
});

describe('review keeps every other byte', () => {
  it.each(reviewed.map((r) => [r.file, r] as const))(
    '%s',
    (_name, { text, doc }) => {
      const review = doc.review as Fields;
      const after = recordReview(
        text,
        {
          ...base,
          by: 'grace-nakamura',
          note: 'Quarterly review: all confirmed.',
        },
        owners,
      );
      const { removed, added } = lineChanges(text, after);
      // A reviewer who did the last review too leaves that line as it was.
      const sameReviewer = review.reviewedBy === 'grace-nakamura';
      expect(removed).toEqual([
        ...(review.lastReviewed
          ? [`  lastReviewed: ${String(review.lastReviewed)}`]
          : []),
        ...(review.reviewedBy && !sameReviewer
          ? [`  reviewedBy: ${String(review.reviewedBy)}`]
          : []),
      ]);
      expect(added).toEqual([
        `  lastReviewed: ${DATE}`,
        ...(sameReviewer ? [] : ['  reviewedBy: grace-nakamura']),
        ...(text.includes('\nhistory:') ? [] : ['history:']),
        '  - action: reviewed',
        `    date: ${DATE}`,
        '    by: grace-nakamura',
        '    evidence: CHG-4242',
        "    note: 'Quarterly review: all confirmed.'",
      ]);
    },
  );
});
