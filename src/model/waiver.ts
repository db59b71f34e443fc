/** A time-limited exception: one rule does not apply to one identity. */
export interface Waiver {
  file: string;
  rule: string;
  identity: string;
  reason: string;
  approvedBy: string;
  expires: string;
}
