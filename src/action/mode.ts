import { ConfigError } from '../model/config-error.js';

/** What a run does: judge a pull request, or check the whole inventory. */
export type Mode = 'pull-request' | 'inventory';

const PULL_REQUEST_EVENTS = [
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'merge_group',
  'workflow_run',
];
const INVENTORY_EVENTS = ['schedule', 'workflow_dispatch'];

/** Picks the mode from the event name; throws ConfigError for others. */
export function modeOf(eventName: string): Mode {
  if (PULL_REQUEST_EVENTS.includes(eventName)) return 'pull-request';
  if (INVENTORY_EVENTS.includes(eventName)) return 'inventory';
  throw new ConfigError(
    `nhi-policy does not run on the "${eventName}" event: trigger it on ` +
      `${PULL_REQUEST_EVENTS.join(', ')} (pull request check) or ` +
      `${INVENTORY_EVENTS.join(', ')} (whole inventory), see docs/action.md`,
  );
}
