import { showValue } from '../evaluate/show-value.js';
import { InputError } from '../model/input-error.js';
import type { OwnersRegistry } from '../model/owners.js';
import { toDay } from '../time/day.js';
import {
  readIdentity,
  requirePerson,
  requireRecordDate,
  requireText,
} from './record-checks.js';
import { verifyEdit } from './verify-edit.js';
import { editYaml, type YamlBlock, type YamlItem } from './yaml-editor.js';

/** A creation to record: who did it, and what the file still lacks. */
export interface ActivationInput {
  by: string;
  verifiedBy?: string;
  /** The day it was created, YYYY-MM-DD in UTC. */
  date: string;
  /** Today in UTC: a record is never dated after it. */
  today: string;
  /** The approval, for a file that does not record one yet. */
  ticket?: string;
  approvedBy: string[];
  approvedOn?: string;
  /** Where use is logged (audit.logRef), for a file that does not say. */
  log?: string;
  /** The creation ticket; else the approval ticket, if there is one. */
  evidence?: string;
  note?: string;
}

type Fields = Record<string, unknown>;

/**
 * Records that a requested identity was created: status active, each
 * credential's created date (and lastRotated for a stored secret), the
 * first access review, the approval and log location when given, and a
 * `created` history entry. Everything else is kept byte for byte. Throws
 * InputError when the identity is not requested, for people missing from
 * the registry, or for an approval or log location given twice.
 */
export function recordActivation(
  text: string,
  input: ActivationInput,
  owners: OwnersRegistry,
): string {
  const doc = readIdentity(text);
  if (doc.status !== 'requested') {
    throw new InputError(
      `the identity's status is ${showValue(doc.status)}, not "requested": only a requested identity can be activated`,
    );
  }
  requireRecordDate(input.date, input.today);
  for (const [flag, read] of TEXT_FLAGS) {
    const given = read(input);
    if (given !== undefined) requireText(flag, given);
  }
  const event = creationEvent(doc, input);
  requirePeople(input, owners);
  const plan: Activation = {
    date: input.date,
    by: input.by,
    credentials: liveCredentials(doc),
    approval: approvalBlock(doc, input, owners),
    logRef: logOf(doc, input),
    event,
  };

  const edited = editActivation(text, doc, plan);
  verifyEdit(doc, edited, (expected) => expectActivation(expected, plan));
  return edited;
}

/** Everything an activation writes, decided before any edit. */
interface Activation {
  date: string;
  by: string;
  credentials: { index: number; keyed: boolean }[];
  approval: YamlBlock | undefined;
  logRef: string | undefined;
  event: YamlItem;
}

function editActivation(text: string, doc: Fields, plan: Activation): string {
  const { date, approval, logRef } = plan;
  const editor = editYaml(text);
  editor.set(['status'], 'active');
  for (const { index, keyed } of plan.credentials) {
    const path = ['credentials', index];
    editor.set([...path, 'created'], date, CREATED_AFTER);
    if (keyed) editor.set([...path, 'lastRotated'], date, ['created']);
  }
  // The creation, checked against the approval, is the first review.
  if (isMapping(doc.review)) {
    editor.set(['review', 'lastReviewed'], date, ['intervalDays']);
    editor.set(['review', 'reviewedBy'], plan.by, ['lastReviewed']);
  }
  if (approval) editor.add(['approval'], approval, APPROVAL_AFTER);
  if (logRef !== undefined && isMapping(doc.audit)) {
    editor.set(['audit', 'logRef'], logRef, []);
  } else if (logRef !== undefined) {
    editor.add(['audit'], { logRef }, ['approval', ...APPROVAL_AFTER]);
  }
  editor.append(['history'], plan.event);
  return editor.text();
}

/** The document an activation must read back as. */
function expectActivation(expected: Fields, plan: Activation): void {
  const { date, approval, logRef } = plan;
  expected.status = 'active';
  for (const { index, keyed } of plan.credentials) {
    const c = (expected.credentials as Fields[])[index] as Fields;
    c.created = date;
    if (keyed) c.lastRotated = date;
  }
  if (isMapping(expected.review)) {
    expected.review.lastReviewed = date;
    expected.review.reviewedBy = plan.by;
  }
  if (approval) expected.approval = approval;
  if (logRef !== undefined) {
    const audit = isMapping(expected.audit) ? expected.audit : {};
    expected.audit = { ...audit, logRef };
  }
  expected.history = [...((expected.history as unknown[]) ?? []), plan.event];
}

const TEXT_FLAGS: [string, (input: ActivationInput) => string | undefined][] = [
  ['--evidence', (i) => i.evidence],
  ['--ticket', (i) => i.ticket],
  ['--log', (i) => i.log],
  ['--note', (i) => i.note],
];
const CREATED_AFTER = ['storage', 'subject', 'issuer', 'status', 'type'];
const APPROVAL_AFTER = ['review', 'dependents', 'credentials'];

/** Credentials to date, and whether each holds a stored secret. */
function liveCredentials(doc: Fields) {
  const credentials = Array.isArray(doc.credentials) ? doc.credentials : [];
  return credentials.flatMap((c: unknown, index) =>
    isMapping(c) && c.status !== 'revoked'
      ? [{ index, keyed: c.type !== 'federated' }]
      : [],
  );
}

/** The `created` history entry; its evidence is the creation ticket. */
function creationEvent(doc: Fields, input: ActivationInput): YamlItem {
  const recorded = isMapping(doc.approval) ? doc.approval.ticket : undefined;
  const evidence =
    input.evidence ??
    input.ticket ??
    (typeof recorded === 'string' ? recorded : undefined);
  return {
    action: 'created',
    date: input.date,
    by: input.by,
    ...(input.verifiedBy === undefined ? {} : { verifiedBy: input.verifiedBy }),
    ...(evidence === undefined ? {} : { evidence }),
    ...(input.note === undefined ? {} : { note: input.note }),
  };
}

function requirePeople(input: ActivationInput, owners: OwnersRegistry): void {
  requirePerson(owners, input.by, '--by');
  if (input.verifiedBy === undefined) return;
  requirePerson(owners, input.verifiedBy, '--verified-by');
  if (input.verifiedBy === input.by) {
    throw new InputError(
      'the person who verifies the creation (--verified-by) must not be the person who did it (--by)',
    );
  }
}

/** The approval block to add, or undefined when the file has one. */
function approvalBlock(
  doc: Fields,
  input: ActivationInput,
  owners: OwnersRegistry,
): YamlBlock | undefined {
  const { ticket, approvedBy } = input;
  if (ticket === undefined && approvedBy.length === 0) return undefined;
  if (doc.approval !== undefined) {
    throw new InputError(
      'the file already records its approval: leave out --ticket and --approved-by',
    );
  }
  if (ticket === undefined || approvedBy.length === 0) {
    throw new InputError(
      'an approval needs both --ticket and at least one --approved-by',
    );
  }
  for (const key of approvedBy) {
    requirePerson(owners, key, '--approved-by');
  }
  const approvedOn = input.approvedOn ?? input.date;
  const day = toDay(approvedOn);
  if (day === null || day > (toDay(input.date) ?? day)) {
    throw new InputError(
      `--approved-on "${approvedOn}" must be a real date, on or before the creation date ${input.date}`,
    );
  }
  return { ticket, approvedBy: [...approvedBy], approvedOn };
}

function logOf(doc: Fields, input: ActivationInput): string | undefined {
  if (input.log === undefined) return undefined;
  if (isMapping(doc.audit) && doc.audit.logRef !== undefined) {
    throw new InputError(
      'the file already says where its use is logged (audit.logRef): leave out --log',
    );
  }
  return input.log;
}

function isMapping(value: unknown): value is Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
