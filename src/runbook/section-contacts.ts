import { callOrder } from './call-order.js';
import { describeParty } from './describe-party.js';
import type { RunbookContext } from './runbook-context.js';

/** Section 3: who owns the identity and whom to call, in order. */
export function contactsSection({ record, owners }: RunbookContext): string[] {
  return [
    '## 3. Who owns it and whom to call',
    '',
    `- Owning team: ${describeParty(record.team, owners)}`,
    `- Accountable person: ${describeParty(record.individual, owners)}`,
    '',
    'When something is wrong, call in this order. Go to the next line only when nobody answers on the line before.',
    '',
    ...callOrder(record, owners).map((call, i) => `${i + 1}. ${call}`),
  ];
}
