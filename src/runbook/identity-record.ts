import type { Contact } from '../model/owners.js';

/** A credential as a runbook reads it. */
export interface CredentialRecord {
  id: string;
  type: string;
  status: string;
  storage?: StorageRecord;
  created?: string;
  lastRotated?: string;
  lastUsed?: string;
  expires?: string;
  rotation?: RotationRecord;
  issuer?: string;
  subject?: string;
}

export interface StorageRecord {
  backend?: string;
  ref?: string;
  readers: string[];
  encryption?: string;
}

export interface RotationRecord {
  intervalDays?: number;
  method?: string;
  triggeredBy?: string;
  verifiedBy?: string;
}

export interface DependentRecord {
  type: string;
  ref: string;
  contact?: string;
}

export interface HistoryRecord {
  action: string;
  date?: string;
  by?: string;
  verifiedBy?: string;
  credential?: string;
  evidence?: string;
  note?: string;
}

/** Everything a runbook page says about one identity, safely typed. */
export interface IdentityRecord {
  file: string;
  id: string;
  kind: string;
  displayName?: string;
  purpose?: string;
  status: string;
  environment: string;
  system: { provider?: string; account?: string; resourceId?: string };
  console?: string;
  team?: string;
  individual?: string;
  escalation: Contact[];
  privilege?: string;
  scopes: string[];
  justification?: string;
  credentials: CredentialRecord[];
  dependents: DependentRecord[];
  review?: {
    intervalDays?: number;
    lastReviewed?: string;
    reviewedBy?: string;
  };
  approval?: { ticket?: string; approvedBy: string[]; approvedOn?: string };
  audit?: { logRef?: string; changeTracking?: string };
  deprovisioning?: DeprovisioningRecord;
  history: HistoryRecord[];
}

export interface DeprovisioningRecord {
  sunset?: string;
  replacement?: string;
  completedOn?: string;
  dependentsConfirmed?: boolean;
  steps: string[];
}

type Fields = Record<string, unknown>;

/**
 * Reads an identity document for a runbook. The file may also have
 * findings, so every field is checked before use; a missing field reads as
 * undefined or an empty list. Returns null without a usable id.
 */
export function readIdentityRecord(
  file: string,
  doc: Fields,
): IdentityRecord | null {
  const id = str(doc.id);
  if (id === undefined) return null;
  const system = rec(doc.system) ?? {};
  const owner = rec(doc.owner) ?? {};
  const access = rec(doc.access) ?? {};
  return {
    file,
    id,
    kind: str(doc.kind) ?? 'identity',
    displayName: str(doc.displayName),
    purpose: str(doc.purpose),
    status: str(doc.status) ?? 'active',
    environment: str(doc.environment) ?? 'unknown',
    system: {
      provider: str(system.provider),
      account: str(system.account),
      resourceId: str(system.resourceId),
    },
    console: str(system.console),
    team: str(owner.team),
    individual: str(owner.individual),
    escalation: records(doc.escalation).flatMap(contactOf),
    privilege: str(access.privilege),
    scopes: strings(access.scopes),
    justification: str(access.justification),
    credentials: records(doc.credentials).map(credentialOf),
    dependents: records(doc.dependents).flatMap(dependentOf),
    review: optional(doc.review, reviewOf),
    approval: optional(doc.approval, approvalOf),
    audit: optional(doc.audit, (a) => ({
      logRef: str(a.logRef),
      changeTracking: str(a.changeTracking),
    })),
    deprovisioning: optional(doc.deprovisioning, deprovisioningOf),
    history: records(doc.history).map(historyOf),
  };
}

function credentialOf(c: Fields, index: number): CredentialRecord {
  return {
    id: str(c.id) ?? `credential ${index + 1}`,
    type: str(c.type) ?? 'unknown',
    status: str(c.status) ?? 'active',
    storage: optional(c.storage, (s) => ({
      backend: str(s.backend),
      ref: str(s.ref),
      readers: strings(s.readers),
      encryption: str(s.encryption),
    })),
    created: str(c.created),
    lastRotated: str(c.lastRotated),
    lastUsed: str(c.lastUsed),
    expires: str(c.expires),
    rotation: optional(c.rotation, (r) => ({
      intervalDays: int(r.intervalDays),
      method: str(r.method),
      triggeredBy: str(r.triggeredBy),
      verifiedBy: str(r.verifiedBy),
    })),
    issuer: str(c.issuer),
    subject: str(c.subject),
  };
}

function contactOf(c: Fields): Contact[] {
  const type = str(c.type);
  const target = str(c.target);
  return type && target ? [{ type, target }] : [];
}

function dependentOf(d: Fields): DependentRecord[] {
  const ref = str(d.ref);
  if (ref === undefined) return [];
  return [{ type: str(d.type) ?? 'other', ref, contact: str(d.contact) }];
}

function reviewOf(r: Fields): IdentityRecord['review'] {
  return {
    intervalDays: int(r.intervalDays),
    lastReviewed: str(r.lastReviewed),
    reviewedBy: str(r.reviewedBy),
  };
}

function approvalOf(a: Fields): IdentityRecord['approval'] {
  return {
    ticket: str(a.ticket),
    approvedBy: strings(a.approvedBy),
    approvedOn: str(a.approvedOn),
  };
}

function deprovisioningOf(d: Fields): DeprovisioningRecord {
  return {
    sunset: str(d.sunset),
    replacement: str(d.replacement),
    completedOn: str(d.completedOn),
    dependentsConfirmed:
      typeof d.dependentsConfirmed === 'boolean'
        ? d.dependentsConfirmed
        : undefined,
    steps: strings(d.steps),
  };
}

function historyOf(h: Fields): HistoryRecord {
  return {
    action: str(h.action) ?? 'event',
    date: str(h.date),
    by: str(h.by),
    verifiedBy: str(h.verifiedBy),
    credential: str(h.credential),
    evidence: str(h.evidence),
    note: str(h.note),
  };
}

function optional<T>(value: unknown, read: (v: Fields) => T): T | undefined {
  const fields = rec(value);
  return fields === undefined ? undefined : read(fields);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function int(value: unknown): number | undefined {
  return Number.isInteger(value) && (value as number) > 0
    ? (value as number)
    : undefined;
}

function rec(value: unknown): Fields | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Fields)
    : undefined;
}

function records(value: unknown): Fields[] {
  return (Array.isArray(value) ? value : [])
    .map(rec)
    .filter((v): v is Fields => v !== undefined);
}

function strings(value: unknown): string[] {
  return (Array.isArray(value) ? value : []).flatMap((v) => {
    const text = str(v);
    return text === undefined ? [] : [text];
  });
}
