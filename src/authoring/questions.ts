import { secretKind } from '../evaluate/secrets.js';
import type { Answers, NewContext } from './new-context.js';
import { namingHint, newIdProblem } from './new-id-problem.js';

/** One plain question of `new`; its key is also its command-line flag. */
export interface Question {
  key: string;
  text: string;
  /** The answers that are accepted, shown as a numbered list. */
  choices?: (a: Answers, ctx: NewContext) => string[] | null;
  /** A plain name shown next to a choice, and accepted in its place. */
  nameOf?: (choice: string, ctx: NewContext) => string | undefined;
  /** More words for the question, from the answers so far. */
  hint?: (a: Answers, ctx: NewContext) => string;
  fallback?: (a: Answers, ctx: NewContext) => string | undefined;
  /** May be left unanswered; a function decides from the answers so far. */
  optional?: boolean | ((a: Answers) => boolean);
  /** Several answers, one per line; an empty line ends the list. */
  list?: boolean;
  when?: (a: Answers) => boolean;
  /** Why an answer is refused, or null when it is fine. */
  problem?: (value: string, a: Answers, ctx: NewContext) => string | null;
}

export const KINDS = [
  'service-account',
  'machine-user',
  'ci-token',
  'api-key',
  'deploy-key',
  'bot',
  'oauth-app',
  'certificate',
  'workload-identity',
];

const CREDENTIAL_TYPES = [
  'sa-key',
  'access-key',
  'api-key',
  'token',
  'password',
  'ssh-key',
  'private-key',
  'client-secret',
  'webhook-secret',
  'certificate',
  'federated',
];

const CREDENTIAL_OF_KIND: Record<string, string> = {
  'service-account': 'sa-key',
  'machine-user': 'password',
  'ci-token': 'token',
  'api-key': 'api-key',
  'deploy-key': 'ssh-key',
  bot: 'token',
  'oauth-app': 'client-secret',
  certificate: 'certificate',
  'workload-identity': 'federated',
};

export const DEPENDENT_TYPES = [
  'workflow',
  'service',
  'job',
  'repository',
  'cluster',
  'application',
  'vendor',
  'other',
];

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const keyed = (a: Answers) => a['credential-type'] !== 'federated';
const active = (a: Answers) => a.status === 'active';
const production = (a: Answers) => a.environment === 'production';
const logged = (a: Answers) =>
  a.environment === 'production' || a.environment === 'staging';
/** Why a question must be answered now, or may wait until activation. */
function neededHint(who: string, rule: string, a: Answers): string {
  return active(a)
    ? `${who} need it (rule ${rule}).`
    : `${who} need it before they are marked active (rule ${rule}); press Enter if it is not known yet.`;
}
/** Production, staging and privileged identities follow the 90-day tier. */
const strict = (a: Answers) =>
  a.environment === 'production' ||
  a.environment === 'staging' ||
  a.privilege === 'write' ||
  a.privilege === 'admin';

/** The questions, in the order they are asked. */
export const QUESTIONS: Question[] = [
  {
    key: 'kind',
    text: 'What kind of identity is it?',
    choices: () => KINDS,
  },
  {
    key: 'id',
    text: 'What should it be called? Lowercase words joined by hyphens.',
    hint: (a, ctx) => namingHint(String(a.kind), ctx),
    problem: (id, a, ctx) => newIdProblem(id, String(a.kind), ctx),
  },
  {
    key: 'purpose',
    text: 'In one or two sentences: what does it do, and why is it needed?',
    problem: (v) =>
      v.length < 10 || v.length > 1000
        ? 'write between 10 and 1000 characters'
        : null,
  },
  {
    key: 'environment',
    text: 'Which environment can it reach?',
    choices: () => ['production', 'staging', 'development', 'test'],
  },
  {
    key: 'status',
    text: 'Does it exist already? "requested" if it is still to be created, "active" if it exists and is in use.',
    choices: () => ['requested', 'active'],
    fallback: () => 'requested',
  },
  {
    key: 'provider',
    text: 'Which system or vendor does it live in? One lowercase word, for example gcp, aws, github, stripe, okta.',
    problem: (v) =>
      SLUG.test(v) ? null : 'use lowercase letters, digits and hyphens',
  },
  {
    key: 'account',
    text: 'Which account, project or organisation in that system?',
  },
  {
    key: 'resource-id',
    text: 'Its id or name inside that system, if already known (press Enter to skip).',
    optional: true,
  },
  {
    key: 'team',
    text: 'Which team owns it?',
    choices: (_a, ctx) => [...ctx.workspace.owners.teams.keys()],
    nameOf: (key, ctx) => ctx.workspace.owners.teams.get(key)?.name,
  },
  {
    key: 'owner',
    text: 'Who in that team is accountable for it?',
    choices: (a, ctx) => {
      const { teams, people } = ctx.workspace.owners;
      const members = teams.get(String(a.team))?.members ?? [];
      return members.filter((m) => people.get(m)?.bot !== true);
    },
    nameOf: (key, ctx) => ctx.workspace.owners.people.get(key)?.name,
  },
  {
    key: 'privilege',
    text: 'How much can it do? none, read (only looks), write (changes things) or admin (manages the system).',
    choices: () => ['none', 'read', 'write', 'admin'],
  },
  {
    key: 'scope',
    text: 'What exactly may it do? One permission, role or scope per line; an empty line ends the list.',
    list: true,
    optional: true,
  },
  {
    key: 'credential-type',
    text: 'What is its credential? "federated" means keyless: no secret is stored.',
    choices: () => CREDENTIAL_TYPES,
    fallback: (a) => CREDENTIAL_OF_KIND[String(a.kind)],
  },
  {
    key: 'backend',
    text: 'Which vault will hold the secret?',
    when: keyed,
    choices: (_a, ctx) => ctx.backends,
    problem: (v) =>
      SLUG.test(v) ? null : 'use lowercase letters, digits and hyphens',
  },
  {
    key: 'ref',
    text: 'Where in that vault will the secret be kept (its path or name)? Never the secret itself.',
    when: keyed,
    problem: (v) =>
      secretKind(v) === null
        ? null
        : 'this looks like a secret, not a location: write where it is kept',
  },
  {
    key: 'issuer',
    text: 'Which issuer does the keyless credential trust (for example https://token.actions.githubusercontent.com)?',
    when: (a) => !keyed(a),
    optional: true,
  },
  {
    key: 'subject',
    text: 'Which subject may use it (for example repo:acme/app:environment:production)?',
    when: (a) => !keyed(a),
    optional: true,
  },
  {
    key: 'rotation-days',
    text: 'How often must the secret be replaced, in days?',
    when: keyed,
    fallback: (a) => (strict(a) ? '90' : '365'),
    problem: days,
  },
  {
    key: 'review-days',
    text: 'How often is its access reviewed, in days?',
    fallback: (a) =>
      a.environment === 'production' ||
      a.privilege === 'write' ||
      a.privilege === 'admin'
        ? '90'
        : '365',
    problem: days,
  },
  {
    key: 'log',
    text: 'Where is its use logged (a log, dashboard or SIEM search)?',
    hint: (a) =>
      logged(a)
        ? neededHint('Production and staging identities', 'NHI-170', a)
        : 'Press Enter to skip.',
    optional: (a) => !(logged(a) && active(a)),
  },
  {
    key: 'dependent',
    text: `What uses it? One per line as TYPE: WHERE, with TYPE one of ${DEPENDENT_TYPES.join(', ')} (for example "workflow: acme/app/.github/workflows/deploy.yml"); an empty line ends the list.`,
    list: true,
    optional: true,
    problem: (v) =>
      DEPENDENT_TYPES.includes(v.split(':')[0]?.trim() ?? '') &&
      v.slice(v.indexOf(':') + 1).trim() !== ''
        ? null
        : `write TYPE: WHERE, with TYPE one of ${DEPENDENT_TYPES.join(', ')}`,
  },
  {
    key: 'ticket',
    text: 'Which ticket records the approval of this request?',
    hint: (a) => neededHint('Production identities', 'NHI-110', a),
    when: production,
    optional: (a) => !active(a),
  },
  {
    key: 'approved-by',
    text: 'Who approved it? One person key from the owners registry per line (for example dana-whitfield); an empty line ends the list.',
    when: (a) => production(a) && (active(a) || a.ticket !== undefined),
    list: true,
    problem: (v, _a, ctx) =>
      ctx.workspace.owners.people.has(v)
        ? null
        : `"${v}" is not a person in ${ctx.workspace.owners.file}`,
  },
];

function days(value: string): string | null {
  const n = Number(value);
  return /^[1-9][0-9]*$/.test(value) && n <= 3650
    ? null
    : 'write a whole number of days, from 1 to 3650';
}
