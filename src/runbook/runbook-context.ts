import type { OwnersRegistry } from '../model/owners.js';
import type { IdentityRecord } from './identity-record.js';
import type { Scheduled } from './schedule.js';

/** What every section of a runbook page is rendered from. */
export interface RunbookContext {
  record: IdentityRecord;
  owners: OwnersRegistry;
  /** The identity's dated tasks, from the audit engine. */
  schedule: Scheduled[];
  /** The team told first about a suspected leak. */
  securityTeam: string;
}
