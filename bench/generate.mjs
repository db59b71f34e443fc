#!/usr/bin/env node
// Deterministic generator of identity inventories for `npm run bench`.
//
//   node bench/generate.mjs --count 10000 --out DIR [--seed N]
//
// Writes a complete inventory into DIR: nhi-policy.yaml, owners.yaml (40
// teams, 200 people), identities/<team>/<id>.yaml (about 1 KB each, every
// kind, environment and status) and bench-manifest.json, which names every
// file broken on purpose and the rule expected to catch it. Every other file
// is clean under the default policy pack at the evaluation date 2026-12-01.
// About 4% of the files are broken, in the ways listed in BREAKAGES. The
// same count and seed always give byte-identical output; nothing reads the
// clock, the locale or Math.random.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The evaluation date every clean file is valid at. */
export const TODAY = '2026-12-01';
const TODAY_DAY = Date.UTC(2026, 11, 1) / 86_400_000;

/** Share of identities broken on purpose. */
const BROKEN_SHARE = 0.04;

/** How a file is broken, and the rule that must report it. */
export const BREAKAGES = [
  { name: 'rotation-overdue', rule: 'NHI-141' },
  { name: 'bad-date', rule: 'NHI-010' },
  { name: 'kind-typo', rule: 'NHI-010' },
  { name: 'unknown-field', rule: 'NHI-010' },
  { name: 'wildcard-scope-in-production', rule: 'NHI-120' },
  { name: 'unknown-owner-team', rule: 'NHI-151' },
  { name: 'duplicate-id', rule: 'NHI-103' },
  { name: 'yaml-syntax-error', rule: 'NHI-001' },
  { name: 'tab-indentation', rule: 'NHI-001' },
  { name: 'missing-required-field', rule: 'NHI-010' },
  { name: 'empty-file', rule: 'NHI-001' },
  { name: 'secret-in-file', rule: 'NHI-131' },
];

// ---------------------------------------------------------------------------
// Seeded PRNG (mulberry32): the only source of variation.

function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  /** Picks from [[weight, value], ...]. */
  const weighted = (pairs) => {
    const total = pairs.reduce((sum, [w]) => sum + w, 0);
    let r = next() * total;
    for (const [w, value] of pairs) {
      r -= w;
      if (r < 0) return value;
    }
    return pairs[pairs.length - 1][1];
  };
  const chance = (p) => next() < p;
  return { next, int, pick, weighted, chance };
}

// ---------------------------------------------------------------------------
// Owners registry: 40 teams of 5 people.

const TEAMS = [
  ['payments-platform', 'Payments Platform'],
  ['platform-infra', 'Platform Infrastructure'],
  ['release-engineering', 'Release Engineering'],
  ['data-platform', 'Data Platform'],
  ['security', 'Security Engineering'],
  ['it-operations', 'IT Operations'],
  ['finance-operations', 'Finance Operations'],
  ['developer-experience', 'Developer Experience'],
  ['identity-access', 'Identity and Access'],
  ['observability', 'Observability'],
  ['search-relevance', 'Search Relevance'],
  ['mobile-apps', 'Mobile Apps'],
  ['web-storefront', 'Web Storefront'],
  ['checkout', 'Checkout'],
  ['fraud-detection', 'Fraud Detection'],
  ['risk-analytics', 'Risk Analytics'],
  ['support-tooling', 'Customer Support Tooling'],
  ['marketing-automation', 'Marketing Automation'],
  ['growth-experiments', 'Growth Experiments'],
  ['billing', 'Billing'],
  ['ledger', 'Ledger'],
  ['treasury', 'Treasury Systems'],
  ['compliance-engineering', 'Compliance Engineering'],
  ['network-engineering', 'Network Engineering'],
  ['database-reliability', 'Database Reliability'],
  ['site-reliability', 'Site Reliability'],
  ['build-systems', 'Build Systems'],
  ['ml-platform', 'Machine Learning Platform'],
  ['recommendations', 'Recommendations'],
  ['logistics', 'Logistics'],
  ['warehouse-systems', 'Warehouse Systems'],
  ['partner-integrations', 'Partner Integrations'],
  ['api-gateway', 'API Gateway'],
  ['messaging', 'Messaging'],
  ['notifications', 'Notifications'],
  ['media-pipeline', 'Media Pipeline'],
  ['edge-delivery', 'Edge Delivery'],
  ['corporate-it', 'Corporate IT'],
  ['hr-systems', 'HR Systems'],
  ['legal-tech', 'Legal Technology'],
];

const FIRST = [
  'priya',
  'tomas',
  'aisha',
  'dana',
  'marco',
  'yuki',
  'oliver',
  'fatima',
  'sofia',
  'rahul',
  'grace',
  'elias',
  'amara',
  'hannah',
  'diego',
  'lucia',
  'samuel',
  'noah',
  'mei',
  'ingrid',
  'kwame',
  'chloe',
  'mateo',
  'leila',
  'arjun',
  'nora',
  'felix',
  'zainab',
  'lars',
  'camila',
  'ravi',
  'emma',
  'jonas',
  'imani',
  'pedro',
  'hana',
  'viktor',
  'ayesha',
  'liam',
  'rosa',
];
const LAST = [
  'raman',
  'lindqvist',
  'okafor',
  'whitfield',
  'bellini',
  'tanaka',
  'brandt',
  'haddad',
  'almeida',
  'menon',
  'nakamura',
  'novak',
  'nwosu',
  'kowalski',
  'ferreira',
  'romero',
  'osei',
  'jensen',
  'chen',
  'berg',
  'mensah',
  'dubois',
  'garcia',
  'farouk',
  'iyer',
  'halvorsen',
  'wagner',
  'bello',
  'nilsson',
  'restrepo',
  'shah',
  'moreau',
  'keller',
  'adeyemi',
  'santos',
  'sato',
  'petrov',
  'siddiqui',
  'murphy',
  'alves',
];

function buildOwners(random) {
  const people = [];
  const used = new Set();
  while (people.length < TEAMS.length * 5) {
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    const key = `${first}-${last}`;
    if (used.has(key)) continue;
    used.add(key);
    const cap = (s) => s[0].toUpperCase() + s.slice(1);
    people.push({
      key,
      name: `${cap(first)} ${cap(last)}`,
      github: `${first[0]}${last}${random.chance(0.3) ? '-acme' : ''}`,
      email: `${first}.${last}@acme.example`,
    });
  }
  const teams = TEAMS.map(([key, name], i) => ({
    key,
    name,
    members: people.slice(i * 5, i * 5 + 5).map((p) => p.key),
    escalation: [
      { type: 'slack', target: `#${key}-oncall` },
      random.chance(0.6)
        ? { type: 'pagerduty', target: `${key}-primary` }
        : { type: 'email', target: `${key}@acme.example` },
    ],
  }));
  return { teams, people };
}

function renderOwners({ teams, people }) {
  const out = [
    '# yaml-language-server: $schema=../policies/schemas/owners.schema.json',
    '# Owners registry generated by bench/generate.mjs.',
    'schemaVersion: 1',
    '',
    'teams:',
  ];
  for (const team of teams) {
    out.push(
      `  ${team.key}:`,
      `    name: ${team.name}`,
      `    github: acme/${team.key}`,
      `    members: [${team.members.join(', ')}]`,
      '    escalation:',
    );
    for (const c of team.escalation) {
      out.push(`      - type: ${c.type}`, `        target: ${q(c.target)}`);
    }
  }
  out.push('', 'people:');
  for (const p of people) {
    out.push(
      `  ${p.key}:`,
      `    name: ${p.name}`,
      `    github: ${p.github}`,
      `    email: ${p.email}`,
    );
  }
  return `${out.join('\n')}\n`;
}

const CONFIG = `# yaml-language-server: $schema=../policies/schemas/config.schema.json
# Configuration of an inventory generated by bench/generate.mjs.
schemaVersion: 1

inventory:
  roots:
    - identities
  ignore:
    - '._*'
    - 'drafts/'

owners: owners.yaml
waivers: waivers
failOn: error
`;

// ---------------------------------------------------------------------------
// Identities.

const KINDS = [
  [18, 'service-account'],
  [10, 'machine-user'],
  [14, 'ci-token'],
  [16, 'api-key'],
  [8, 'deploy-key'],
  [7, 'bot'],
  [9, 'oauth-app'],
  [8, 'certificate'],
  [10, 'workload-identity'],
];
const ENVIRONMENTS = [
  [35, 'production'],
  [20, 'staging'],
  [25, 'development'],
  [20, 'test'],
];
const STATUSES = [
  [80, 'active'],
  [5, 'requested'],
  [4, 'suspended'],
  [6, 'deprecated'],
  [5, 'decommissioned'],
];
const ENV_SHORT = {
  production: 'prod',
  staging: 'stg',
  development: 'dev',
  test: 'test',
};

const WORDS = [
  'ledger',
  'settlement',
  'invoice',
  'refund',
  'payout',
  'catalog',
  'search',
  'orders',
  'inventory',
  'shipping',
  'pricing',
  'reports',
  'metrics',
  'audit',
  'backup',
  'export',
  'import',
  'sync',
  'reconcile',
  'alerts',
  'tickets',
  'docs',
  'assets',
  'images',
  'events',
  'billing',
  'crm',
  'payroll',
  'warehouse',
  'feeds',
  'ingest',
  'release',
  'deploy',
  'build',
  'dns',
  'certs',
  'secrets',
  'logs',
  'traces',
  'models',
];
const ROLES = [
  'reader',
  'writer',
  'loader',
  'exporter',
  'importer',
  'publisher',
  'syncer',
  'runner',
  'uploader',
  'scanner',
  'notifier',
  'updater',
];

/** Per-kind shape: name prefix, systems, credential type and scopes. */
const KIND_SHAPES = {
  'service-account': {
    prefix: 'svc',
    systems: ['gcp', 'aws', 'azure'],
    credential: { gcp: 'sa-key', aws: 'access-key', azure: 'client-secret' },
    backends: ['vault', 'gcp-secret-manager', 'aws-secrets-manager'],
  },
  'machine-user': {
    prefix: 'mu',
    systems: ['snowflake', 'netsuite', 'jira', 'servicenow', 'salesforce'],
    credential: 'password',
    backends: ['vault', '1password', 'aws-secrets-manager'],
  },
  'ci-token': {
    prefix: 'ci',
    systems: ['github-actions', 'buildkite', 'circleci', 'gitlab', 'jenkins'],
    credential: 'token',
    backends: ['github-actions-secrets', 'vault'],
  },
  'api-key': {
    prefix: 'key',
    systems: ['stripe', 'adyen', 'algolia', 'datadog', 'sendgrid', 'twilio'],
    credential: 'api-key',
    backends: ['vault', 'aws-secrets-manager', 'gcp-secret-manager'],
  },
  'deploy-key': {
    prefix: 'dk',
    systems: ['github'],
    credential: 'ssh-key',
    backends: ['vault', 'github-actions-secrets'],
  },
  bot: {
    prefix: 'bot',
    systems: ['github', 'slack'],
    credential: 'private-key',
    backends: ['vault', 'kubernetes-external-secrets'],
  },
  'oauth-app': {
    prefix: 'app',
    systems: ['github', 'okta', 'google-workspace', 'quickbooks'],
    credential: 'client-secret',
    backends: ['vault', 'azure-key-vault', '1password'],
  },
  certificate: {
    prefix: 'cert',
    systems: ['internal-pki', 'letsencrypt', 'digicert'],
    credential: 'certificate',
    backends: ['vault', 'kubernetes-external-secrets', 'azure-key-vault'],
  },
  'workload-identity': {
    prefix: 'wi',
    systems: ['gke', 'eks', 'github-oidc'],
    credential: 'federated',
    backends: [],
  },
};

function dayText(day) {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Quotes a plain string when YAML would read it as something else. */
function q(text) {
  if (
    /^[#&*!|>'"%@`{[\]},?:-]|^\d|: | #|^(true|false|null|yes|no|on|off|~)$/i.test(
      text,
    )
  ) {
    return `'${text.replace(/'/g, "''")}'`;
  }
  return text;
}

/** Builds one clean identity as data plus the facts breakages need. */
function buildIdentity(random, index, owners, forced = {}) {
  const kind = forced.kind ?? random.weighted(KINDS);
  const environment = forced.environment ?? random.weighted(ENVIRONMENTS);
  const status = forced.status ?? random.weighted(STATUSES);
  const shape = KIND_SHAPES[kind];
  const team = random.pick(owners.teams);
  const individual = random.pick(team.members);
  const system = random.pick(shape.systems);
  const word = random.pick(WORDS);
  const role = random.pick(ROLES);
  const suffix = index.toString(36);
  const env = ENV_SHORT[environment];
  const id =
    kind === 'bot'
      ? `bot-${word}-${role}-${suffix}`
      : `${shape.prefix}-${system.split('-')[0]}-${word}-${role}-${suffix}`;
  const production = environment === 'production';
  const privilege = production
    ? random.weighted([
        [3, 'read'],
        [2, 'write'],
        [1, 'none'],
      ])
    : random.weighted([
        [4, 'read'],
        [3, 'write'],
        [1, 'admin'],
        [1, 'none'],
      ]);
  const strict =
    production ||
    environment === 'staging' ||
    privilege === 'write' ||
    privilege === 'admin';
  const reviewStrict =
    production || privilege === 'write' || privilege === 'admin';

  const account = accountFor(system, team.key, env);
  const displayName = random.chance(0.5)
    ? [`displayName: ${cap(word)} ${role} for ${team.name} (${env})`]
    : [];
  const lines = [
    '# yaml-language-server: $schema=../../../policies/schemas/identity.schema.json',
    'schemaVersion: 1',
    `id: ${id}`,
    `kind: ${kind}`,
    ...displayName,
    'purpose: >-',
    `  ${cap(verbFor(role))} ${word} data for the ${word}-${role} job`,
    `  of ${team.name} in ${environment}.`,
    `status: ${status}`,
    `environment: ${environment}`,
    'system:',
    `  provider: ${system}`,
    `  account: ${q(account)}`,
    `  resourceId: ${q(resourceFor(system, id, account))}`,
    'owner:',
    `  team: ${team.key}`,
    `  individual: ${individual}`,
  ];
  const live = status !== 'decommissioned';
  if (live && (production || environment === 'staging' || random.chance(0.5))) {
    lines.push('escalation:');
    for (const c of team.escalation.slice(0, random.int(1, 2))) {
      lines.push(`  - type: ${c.type}`, `    target: ${q(c.target)}`);
    }
  }
  const scopes = scopesFor(kind, system, word, privilege, random);
  lines.push('access:', `  privilege: ${privilege}`, '  scopes:');
  const scopeLine = lines.length;
  for (const s of scopes) lines.push(`    - ${q(s)}`);
  if (privilege === 'write' || privilege === 'admin') {
    lines.push(`  justification: The ${role} job changes ${word} records.`);
  }

  // Credentials
  let credential = null;
  if (!live) {
    lines.push('credentials: []');
  } else if (kind === 'workload-identity') {
    const created = TODAY_DAY - random.int(30, 700);
    lines.push(
      'credentials:',
      '  # Keyless: a short-lived token is exchanged at run time; nothing to rotate.',
      `  - id: ${system}-federation`,
      '    type: federated',
      '    status: active',
      `    issuer: ${issuerFor(system, account)}`,
      `    subject: ${q(`system:serviceaccount:${word}:${id}`)}`,
      `    created: ${dayText(created)}`,
    );
  } else {
    const type =
      typeof shape.credential === 'string'
        ? shape.credential
        : shape.credential[system];
    const interval = strict
      ? random.pick([30, 60, 90, 90])
      : random.pick([90, 180, 365]);
    const rotatedAgo = random.int(0, interval - 1);
    const lastRotated = TODAY_DAY - rotatedAgo;
    const created = lastRotated - random.int(0, 900);
    const lastUsed = TODAY_DAY - random.int(0, 30);
    const backend = random.pick(shape.backends);
    credential = { interval, lineAt: lines.length };
    lines.push(
      'credentials:',
      `  - id: ${type === 'certificate' ? 'tls' : 'primary'}`,
      `    type: ${type}`,
      '    status: active',
      '    storage:',
      `      backend: ${backend}`,
      `      ref: ${storageRef(backend, team.key, id, env)}`,
      `    created: ${dayText(created)}`,
      `    lastRotated: ${dayText(lastRotated)}`,
    );
    credential.lastRotatedLine = lines.length - 1;
    if (status === 'active' || random.chance(0.5)) {
      lines.push(`    lastUsed: ${dayText(lastUsed)}`);
    }
    if (type === 'certificate' || (type === 'api-key' && random.chance(0.3))) {
      lines.push(`    expires: ${dayText(TODAY_DAY + random.int(45, 400))}`);
    }
    lines.push(
      '    rotation:',
      `      intervalDays: ${interval}`,
      `      method: ${random.chance(0.4) ? 'automatic' : 'manual'}`,
    );
  }

  if (live || random.chance(0.5)) {
    lines.push('dependents:');
    for (let i = random.chance(0.8) ? 1 : 2; i > 0; i--) {
      const dep = random.pick(['workflow', 'service', 'job']);
      const ref =
        dep === 'workflow'
          ? `acme/${word}-${role}/.github/workflows/${random.pick(['deploy', 'nightly', 'sync'])}.yml`
          : `${word}-${role}-${dep} in ${account}`;
      lines.push(`  - type: ${dep}`, `    ref: ${q(ref)}`);
    }
  }

  if (live) {
    const reviewInterval = reviewStrict
      ? random.pick([30, 90, 90])
      : random.pick([90, 180, 365]);
    lines.push(
      'review:',
      `  intervalDays: ${reviewInterval}`,
      `  lastReviewed: ${dayText(TODAY_DAY - random.int(0, reviewInterval - 1))}`,
      `  reviewedBy: ${random.pick(team.members)}`,
    );
  }
  if (production && live) {
    const security = owners.teams.find((t) => t.key === 'security');
    lines.push(
      'approval:',
      `  ticket: ${team.key.split('-')[0].toUpperCase()}-${random.int(100, 9999)}`,
      `  approvedBy: [${individual}, ${random.pick(security.members)}]`,
      `  approvedOn: ${dayText(TODAY_DAY - random.int(30, 900))}`,
    );
  }
  if (live && (production || environment === 'staging')) {
    lines.push(
      'audit:',
      `  logRef: ${q(auditFor(system, account))}`,
      `  changeTracking: Pull requests to this file, approved by ${team.key}`,
    );
  }
  if (status === 'deprecated') {
    lines.push(
      'deprovisioning:',
      `  sunset: ${dayText(TODAY_DAY + random.int(10, 180))}`,
      `  replacement: ${shape.prefix}-${system.split('-')[0]}-${word}-${role}-v2`,
    );
  } else if (status === 'decommissioned') {
    lines.push(
      'deprovisioning:',
      `  completedOn: ${dayText(TODAY_DAY - random.int(1, 400))}`,
      '  dependentsConfirmed: true',
      '  steps:',
      '    - Disabled the credential and watched the access log for 14 days.',
      '    - Deleted the stored secret and the account.',
    );
  }
  if (random.chance(0.3)) {
    lines.push(
      'labels:',
      `  cost-center: ${q(`cc-${random.int(1000, 9999)}`)}`,
      `  managed-by: ${random.pick(['terraform', 'pulumi', 'manual'])}`,
    );
  }
  return {
    id,
    team: team.key,
    kind,
    environment,
    status,
    lines,
    credential,
    scopeLine,
    privilege,
    account,
  };
}

function cap(s) {
  return s[0].toUpperCase() + s.slice(1);
}

const VERBS = {
  reader: 'reads',
  writer: 'writes',
  loader: 'loads',
  exporter: 'exports',
  importer: 'imports',
  publisher: 'publishes',
  syncer: 'syncs',
  runner: 'runs jobs on',
  uploader: 'uploads',
  scanner: 'scans',
  notifier: 'sends alerts about',
  updater: 'updates',
};

function verbFor(role) {
  return VERBS[role];
}

function accountFor(system, team, env) {
  if (system === 'aws' || system === 'eks') {
    return String(100000000000 + ((hash(team + env) * 7919) % 899999999999));
  }
  if (system === 'gcp' || system === 'gke') return `acme-${team}-${env}`;
  if (system === 'azure') return `acme-${env}-subscription`;
  if (
    system === 'github' ||
    system === 'github-actions' ||
    system === 'github-oidc'
  ) {
    return 'acme';
  }
  return `acme-${env}`;
}

function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  }
  return h;
}

function resourceFor(system, id, account) {
  switch (system) {
    case 'gcp':
    case 'gke':
      return `${id.slice(0, 30)}@${account}.iam.gserviceaccount.com`;
    case 'aws':
    case 'eks':
      return `arn:aws:iam::${account}:role/${id}`;
    case 'azure':
      return `app registration ${id} in tenant acme.onmicrosoft.com`;
    case 'github':
    case 'github-actions':
    case 'github-oidc':
      return `github.com/acme (${id})`;
    default:
      return `${system} user ${id}`;
  }
}

function issuerFor(system, account) {
  if (system === 'gke') {
    return `https://container.googleapis.com/v1/projects/${account}/locations/europe-west1/clusters/main`;
  }
  if (system === 'eks') {
    return 'https://oidc.eks.eu-west-1.amazonaws.com/id/acme-main';
  }
  return 'https://token.actions.githubusercontent.com';
}

function auditFor(system, account) {
  if (system === 'gcp' || system === 'gke') {
    return `Cloud Audit Logs for project ${account}, exported to BigQuery dataset security_audit`;
  }
  if (system === 'aws' || system === 'eks') {
    return `CloudTrail trail org-trail in account ${account}`;
  }
  return `${system} audit log, streamed to the SIEM index nhi-${system}`;
}

function storageRef(backend, team, id, env) {
  switch (backend) {
    case 'vault':
      return `kv/${team}/${env}/${id}`;
    case 'github-actions-secrets':
      return `acme/${team}:${id.toUpperCase().replace(/-/g, '_')}`;
    case '1password':
      return `op://${team}/${id}/credential`;
    default:
      return `${team}/${env}/${id}`;
  }
}

function scopesFor(kind, system, word, privilege, random) {
  const action =
    privilege === 'write' || privilege === 'admin' ? 'write' : 'read';
  const pool = {
    gcp: [
      `roles/bigquery.data${action === 'write' ? 'Editor' : 'Viewer'} on dataset ${word}`,
      `roles/storage.object${action === 'write' ? 'Creator' : 'Viewer'} on bucket acme-${word}`,
      'roles/logging.logWriter',
    ],
    aws: [
      `s3:${action === 'write' ? 'PutObject' : 'GetObject'} on bucket acme-${word}`,
      `sqs:${action === 'write' ? 'SendMessage' : 'ReceiveMessage'} on queue ${word}-events`,
      `dynamodb:${action === 'write' ? 'PutItem' : 'Query'} on table ${word}`,
    ],
    github: [
      `contents:${action} on acme/${word}`,
      `pull_requests:${action} on acme/${word}`,
      'metadata:read',
    ],
  };
  const family =
    system === 'gcp' || system === 'gke'
      ? 'gcp'
      : system === 'aws' || system === 'eks'
        ? 'aws'
        : system.startsWith('github') || kind === 'deploy-key'
          ? 'github'
          : null;
  const list = family
    ? pool[family]
    : [`${word}:${action}`, `reports:read`, `${word}.${action}-only API role`];
  const scopes = new Set(list.slice(0, random.int(1, list.length)));
  if (privilege === 'admin') scopes.add(`${word}:admin`);
  return [...scopes];
}

// ---------------------------------------------------------------------------
// Breakages: each turns one clean file into one with a known finding.

const KIND_TYPOS = {
  'service-account': 'service-acount',
  'machine-user': 'machine-usr',
  'ci-token': 'ci_token',
  'api-key': 'apikey',
  'deploy-key': 'deploy-keys',
  bot: 'bots',
  'oauth-app': 'oauth-ap',
  certificate: 'certficate',
  'workload-identity': 'workload-identiy',
};

/** What a breakage needs of the identity it is applied to. */
const FORCED = {
  'rotation-overdue': () => ({ status: 'active', kind: 'service-account' }),
  'wildcard-scope-in-production': () => ({
    environment: 'production',
    status: 'active',
  }),
  'bad-date': () => ({ status: 'active' }),
};

function breakIdentity(name, identity, random) {
  const lines = [...identity.lines];
  const find = (prefix) => lines.findIndex((l) => l.startsWith(prefix));
  switch (name) {
    case 'rotation-overdue': {
      const { interval, lastRotatedLine } = identity.credential;
      lines[lastRotatedLine] =
        `    lastRotated: ${dayText(TODAY_DAY - interval - random.int(5, 300))}`;
      break;
    }
    case 'bad-date': {
      const bad = random.pick(['2026-02-30', '2025-04-31', '2026-13-01']);
      const at = find('  lastReviewed:');
      lines[at] = `  lastReviewed: ${bad}`;
      break;
    }
    case 'kind-typo':
      lines[find('kind:')] = `kind: ${KIND_TYPOS[identity.kind]}`;
      break;
    case 'unknown-field': {
      const variant = random.int(0, 2);
      if (variant === 0) {
        lines.splice(
          find('status:'),
          0,
          'notes: Created by hand during the migration.',
        );
      } else if (variant === 1) {
        lines.splice(
          find('  individual:') + 1,
          0,
          `  email: ${identity.team}@acme.example`,
        );
      } else {
        lines.splice(find('environment:') + 1, 0, 'region: europe-west1');
      }
      break;
    }
    case 'wildcard-scope-in-production':
      lines.splice(
        identity.scopeLine,
        0,
        `    - ${q(random.pick(['roles/*', 's3:*', 'repo:*', '*']))}`,
      );
      break;
    case 'unknown-owner-team': {
      const at = find('  team:');
      const team = identity.team;
      const cut = random.int(1, team.length - 2);
      lines[at] = `  team: ${team.slice(0, cut)}${team.slice(cut + 1)}`;
      break;
    }
    case 'yaml-syntax-error': {
      const variant = random.int(0, 2);
      if (variant === 0) {
        const at = find('  privilege:');
        lines[at] = `   privilege: ${identity.privilege}`;
      } else if (variant === 1) {
        // An opening quote that is never closed.
        lines[find('  account:')] = `  account: '${identity.account}`;
      } else {
        const at = find('  individual:');
        lines[at] = `  individual: [${lines[at].slice(14)}`;
      }
      break;
    }
    case 'tab-indentation': {
      const at = find('  team:');
      lines[at] = `\t${lines[at].slice(2)}`;
      break;
    }
    case 'missing-required-field': {
      const field = random.pick(['purpose', 'owner', 'status', 'system']);
      const at = find(`${field}:`);
      let end = at + 1;
      while (end < lines.length && /^\s/.test(lines[end])) end++;
      lines.splice(at, end - at);
      break;
    }
    case 'empty-file':
      return random.chance(0.5) ? '' : `${lines[0]}\n`;
    case 'secret-in-file': {
      const at = find('credentials:');
      const token = randomToken(random, 36);
      lines.splice(
        at + 1,
        0,
        `  # temporary token for the migration, remove later: ghp_${token}`,
      );
      break;
    }
    default:
      throw new Error(`unknown breakage ${name}`);
  }
  return `${lines.join('\n')}\n`;
}

function randomToken(random, length) {
  const alphabet =
    'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[random.int(0, 61)];
  return out;
}

// ---------------------------------------------------------------------------

/**
 * Generates an inventory of `count` identity files into `out` (emptied
 * first). Returns the manifest that is also written to bench-manifest.json.
 */
export function generate({ count, out, seed = 1 }) {
  if (!Number.isInteger(count) || count < 1)
    throw new Error('count must be a positive integer');
  const random = createRandom(seed);
  const owners = buildOwners(random);

  if (existsSync(out)) {
    // Only ever replace an inventory this script wrote.
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes('bench-manifest.json')) {
      throw new Error(
        `${out} exists and was not written by generate.mjs: choose an empty or new folder`,
      );
    }
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(path.join(out, 'identities'), { recursive: true });
  writeFileSync(path.join(out, 'nhi-policy.yaml'), CONFIG);
  writeFileSync(path.join(out, 'owners.yaml'), renderOwners(owners));

  // Which slots are broken, and how: a fixed share, categories in turn.
  const brokenCount = Math.round(count * BROKEN_SHARE);
  const broken = new Map();
  const order = [...Array(count).keys()];
  for (let i = count - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (let k = 0; k < Math.min(brokenCount, count); k++) {
    broken.set(order[k], BREAKAGES[k % BREAKAGES.length].name);
  }

  // Files are written as they are made, so memory stays flat at 100k.
  let written = 0;
  const dirs = new Set();
  const write = (file, text) => {
    const dir = path.join(out, path.dirname(file));
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    writeFileSync(path.join(out, file), text);
    written++;
  };
  const clean = []; // identities a duplicate may copy
  let duplicates = 0; // slots filled once the clean files exist
  const manifest = {
    seed,
    count,
    today: TODAY,
    breakages: Object.fromEntries(BREAKAGES.map((b) => [b.name, 0])),
    broken: [],
  };
  const ruleOf = Object.fromEntries(BREAKAGES.map((b) => [b.name, b.rule]));

  for (let index = 0; index < count; index++) {
    const name = broken.get(index);
    if (name === 'duplicate-id') {
      duplicates++;
      continue;
    }
    const identity = buildIdentity(
      random,
      index,
      owners,
      FORCED[name]?.() ?? {},
    );
    const file = `identities/${identity.team}/${identity.id}.yaml`;
    if (name) {
      write(file, breakIdentity(name, identity, random));
      manifest.broken.push({ file, breakage: name, rule: ruleOf[name] });
    } else {
      write(file, `${identity.lines.join('\n')}\n`);
      clean.push({ file, id: identity.id, team: identity.team });
    }
  }
  // A duplicate is a clean file copied into another team's folder; the
  // check flags whichever of the two comes later in path order.
  const used = new Set();
  for (; duplicates > 0; duplicates--) {
    let source;
    do source = random.pick(clean);
    while (used.has(source.file) && used.size < clean.length);
    used.add(source.file);
    let team;
    do team = random.pick(owners.teams).key;
    while (team === source.team);
    const copy = `identities/${team}/${source.id}.yaml`;
    write(copy, readFileSync(path.join(out, source.file)));
    const later = copy > source.file ? copy : source.file;
    manifest.broken.push({
      file: later,
      breakage: 'duplicate-id',
      rule: ruleOf['duplicate-id'],
      duplicateOf: later === copy ? source.file : copy,
    });
  }

  for (const b of manifest.broken) manifest.breakages[b.breakage]++;
  manifest.broken.sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
  );
  manifest.files = written;
  writeFileSync(
    path.join(out, 'bench-manifest.json'),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
  return manifest;
}

function parseArgs(argv) {
  const args = { count: 1000, out: null, seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--count') args.count = Number(value);
    else if (flag === '--out') args.out = value;
    else if (flag === '--seed') args.seed = Number(value);
    else throw new Error(`unknown argument ${flag}`);
    i++;
  }
  if (!args.out) throw new Error('--out DIR is required');
  if (!Number.isInteger(args.seed))
    throw new Error('--seed must be an integer');
  return args;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const manifest = generate(args);
    const total = manifest.broken.length;
    console.log(
      `wrote ${manifest.files} identity files to ${args.out} (seed ${args.seed}); ` +
        `${total} broken (${((100 * total) / manifest.files).toFixed(1)}%):`,
    );
    for (const [name, n] of Object.entries(manifest.breakages)) {
      console.log(`  ${String(n).padStart(6)}  ${name}`);
    }
  } catch (error) {
    console.error(`generate: ${error.message}`);
    console.error(
      'usage: node bench/generate.mjs --count N --out DIR [--seed N]',
    );
    process.exitCode = 2;
  }
}
