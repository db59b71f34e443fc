import { safeText } from './safe-text.js';

const NAMES = {
  kind: {
    'service-account': 'service account',
    'machine-user': 'machine user',
    'ci-token': 'CI/CD token',
    'api-key': 'API key',
    'deploy-key': 'deploy key',
    bot: 'bot account',
    'oauth-app': 'OAuth or GitHub app',
    certificate: 'certificate',
    'workload-identity': 'workload identity',
  },
  credential: {
    'sa-key': 'service account key',
    'access-key': 'access key',
    'api-key': 'API key',
    token: 'token',
    password: 'password',
    'ssh-key': 'SSH key',
    'private-key': 'private key',
    'client-secret': 'client secret',
    'webhook-secret': 'webhook secret',
    certificate: 'certificate',
    federated: 'keyless federated credential',
  },
  dependent: {
    workflow: 'workflow',
    service: 'service',
    job: 'job',
    repository: 'repository',
    cluster: 'cluster',
    application: 'application',
    vendor: 'vendor',
    other: 'other',
  },
  contact: {
    slack: 'Slack',
    email: 'Email',
    pagerduty: 'PagerDuty',
    opsgenie: 'Opsgenie',
    phone: 'Phone',
    github: 'GitHub',
    ticket: 'Ticket queue',
  },
} as const;

/** The groups of schema values that have a plain-language name. */
export type NameGroup = keyof typeof NAMES;

/**
 * The plain-language name of a schema value ("sa-key" reads "service
 * account key"); an unknown value is shown as written, made safe for a
 * page. `inCell` when the name goes in a table cell.
 */
export function plainName(
  group: NameGroup,
  value: string,
  inCell = false,
): string {
  const names: Record<string, string> = NAMES[group];
  const known = Object.hasOwn(names, value) ? names[value] : undefined;
  return known ?? safeText(value, inCell);
}
