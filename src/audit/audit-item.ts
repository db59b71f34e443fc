import type { Severity } from '../model/finding.js';

/** What is due, in the words of the scheduled audit. */
export type AuditKind =
  | 'rotation-overdue'
  | 'rotation-due'
  | 'credential-expired'
  | 'credential-expiring'
  | 'review-overdue'
  | 'review-due'
  | 'owner-unknown'
  | 'team-orphaned'
  | 'sunset-passed'
  | 'decommissioned-credential'
  | 'waiver-expired'
  | 'waiver-expiring';

/** The runbook checklist that resolves an item. */
export type RunbookStep =
  'rotation' | 'review' | 'ownership' | 'deprovisioning' | 'waiver';

/** One thing an owning team must do, with the date it is due. */
export interface AuditItem {
  /** Stable across runs: identity, kind and credential. */
  key: string;
  kind: AuditKind;
  severity: Severity;
  /** The team whose rolling issue lists the item. */
  team: string;
  identity: string;
  file: string;
  credential?: string;
  /** YYYY-MM-DD: when it is or was due. */
  due: string;
  /** Whole days from the evaluation date to `due`; negative when late. */
  daysLeft: number;
  /** One plain sentence: what is due. */
  title: string;
  step: RunbookStep;
  /** Who checks that it was done, when the identity names someone. */
  verifier?: string;
}
