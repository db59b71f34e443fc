import type { OwnersRegistry } from '../model/owners.js';
import { escapeMarkdown as md } from '../report/escape-markdown.js';
import type { ParsedIdentity } from '../runbook/build-runbooks.js';
import {
  readIdentityRecord,
  type IdentityRecord,
} from '../runbook/identity-record.js';
import { dependentPhrase, dueText } from '../runbook/phrases.js';
import { plainName } from '../runbook/plain-name.js';
import { safeCode, safeText } from '../runbook/safe-text.js';
import { scheduleOf, type Scheduled } from '../runbook/schedule.js';
import { markerSlug as slug, reviewMarker } from './issues/review-marker.js';

/** What the quarterly review issue of one owning team is made from. */
export interface QuarterlyReviewInput {
  /** The owning team's key in the registry. */
  team: string;
  /** The review period, as quarterOf() names it: 2026-Q4. */
  quarter: string;
  /** Every identity of the inventory; the team's own are picked. */
  identities: readonly ParsedIdentity[];
  owners: OwnersRegistry;
  fallbackTeam: string;
  /** Folder of the runbooks, when the inventory keeps them. */
  runbooksDir: string | null;
  /** Address files are linked under, e.g. https://github.com/o/r/blob/main/. */
  blobUrl?: string;
}

/** One tickable line of the review, with the stable key in its marker. */
export interface ReviewTick {
  key: string;
  checked: boolean;
}

/** Identities in these states are reviewed; the others have no access. */
const REVIEWED = new Set(['active', 'suspended', 'deprecated']);
const TICK = /^- \[( |x|X)\] .*<!-- nhi-review:([a-z0-9-]+\/[a-z-]+) -->$/;

/** The review period of a date: 2026-11-30 is in 2026-Q4. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** The issue title; the marker in the body is what finds it again. */
export function quarterlyReviewTitle(teamName: string, quarter: string) {
  return `Quarterly access review: ${teamName}, ${quarter}`;
}

/**
 * The body of a team's quarterly review issue: for each identity it owns
 * that still has access, boxes to tick for "still needed", "scopes still
 * right", "rotated on time" and "dependents current", and one for the
 * review recorded in the file. Every box carries a stable key in an
 * invisible marker, so the edit history of the issue (who ticked what,
 * when) can be read back with readTicks(). Every value is escaped.
 */
export function renderQuarterlyReview(input: QuarterlyReviewInput): string {
  const { team, quarter, owners } = input;
  const name = owners.teams.get(team)?.name ?? team;
  const records = teamRecords(input);
  const out = [
    reviewMarker(team, quarter),
    `## ${md(quarterlyReviewTitle(name, quarter))}`,
    '',
    ...introduction(records.length),
  ];
  for (const { record, schedule } of records) {
    out.push('', ...identityBlock(record, schedule, input));
  }
  return `${out.join('\n')}\n`;
}

/** The boxes of a review body and whether each is ticked, by key. */
export function readTicks(body: string): ReviewTick[] {
  return body.split(/\r?\n/).flatMap((line) => {
    const match = TICK.exec(line.trim());
    return match ? [{ key: match[2] ?? '', checked: match[1] !== ' ' }] : [];
  });
}

function introduction(count: number): string[] {
  if (count === 0) {
    return [
      'This team owns no identity with access this quarter. Close this issue.',
    ];
  }
  return [
    `This team owns ${count} ${count === 1 ? 'identity' : 'identities'} with access. For each, check every line and tick its box only when it is true. If a line is not true, fix it first (the runbook says how), then tick it.`,
    '',
    'The edit history of this issue records who ticked each box and when: it is the evidence of this review. Do not edit the text of the boxes.',
    '',
    'When all boxes of an identity are ticked, record the review in its file with `nhi-policy review FILE --by YOUR-KEY --evidence LINK-TO-THIS-ISSUE`, and tick the last box. Close the issue when every identity is done.',
  ];
}

function identityBlock(
  record: IdentityRecord,
  schedule: Scheduled[],
  input: QuarterlyReviewInput,
): string[] {
  const key = (item: string) =>
    `<!-- nhi-review:${slug(record.id)}/${item} -->`;
  const tick = (item: string, text: string) => `- [ ] ${text} ${key(item)}`;
  return [
    `### ${safeText(record.id)}`,
    '',
    `${plainName('kind', record.kind)} in ${safeText(record.environment)}, status ${safeText(record.status)}. ${links(record, input)}`,
    '',
    tick('needed', `Still needed. Purpose: ${safeText(record.purpose)}`),
    tick(
      'scopes',
      `Scopes still right: ${list(record.scopes.map((s) => safeCode(s)))}`,
    ),
    tick('rotated', `Rotated on time: ${rotations(record, schedule)}`),
    tick(
      'dependents',
      `Dependents current: ${list(record.dependents.map((d) => dependentPhrase(d, input.owners)))}`,
    ),
    tick('recorded', `Review recorded in ${safeCode(record.file)}`),
  ];
}

function rotations(record: IdentityRecord, schedule: Scheduled[]): string {
  const lines = record.credentials.map((c) => {
    if (c.type === 'federated') return `${safeCode(c.id)} is keyless`;
    if (c.status === 'revoked') return `${safeCode(c.id)} is revoked`;
    const due = schedule.find(
      (s) => s.credential === c.id && s.kind.startsWith('rotation'),
    );
    return `${safeCode(c.id)} last rotated ${safeText(c.lastRotated ?? c.created)}, next due ${dueText(due)}`;
  });
  return list(lines);
}

function links(record: IdentityRecord, input: QuarterlyReviewInput): string {
  const file = link('identity file', record.file, input.blobUrl);
  if (input.runbooksDir === null) return file;
  const page = `${input.runbooksDir ? `${input.runbooksDir}/` : ''}${record.id}.md`;
  return `${link('runbook', page, input.blobUrl)} · ${file}`;
}

function link(label: string, file: string, blobUrl: string | undefined) {
  if (blobUrl === undefined) return `${label}: ${safeCode(file)}`;
  const encoded = file
    .split('/')
    .map((part) =>
      encodeURIComponent(part).replace(/[()]/g, (c) =>
        c === '(' ? '%28' : '%29',
      ),
    )
    .join('/');
  return `[${label}](${blobUrl}${encoded})`;
}

function teamRecords(input: QuarterlyReviewInput) {
  return input.identities
    .map(({ file, doc }) => ({ doc, record: readIdentityRecord(file, doc) }))
    .filter(
      (x): x is { doc: Record<string, unknown>; record: IdentityRecord } =>
        x.record !== null &&
        x.record.team === input.team &&
        REVIEWED.has(x.record.status),
    )
    .sort((a, b) => (a.record.id < b.record.id ? -1 : 1))
    .map(({ doc, record }) => ({
      record,
      schedule: scheduleOf(record.file, doc, input.owners, input.fallbackTeam),
    }));
}

function list(items: string[]): string {
  return items.length === 0 ? 'none listed' : items.join('; ');
}
