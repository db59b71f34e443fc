import { existsSync, readFileSync, renameSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadWorkspace } from '../../src/config/workspace.js';
import { checkInventory } from '../../src/evaluate/check-inventory.js';
import { FsSource } from '../../src/load/fs-source.js';
import { copyExamples, TODAY } from '../runbook/example-inventory.js';

const FILE = 'identities/payments-platform/svc-billing-invoice-exporter.yaml';
const FLAGS = [
  '--kind',
  'service-account',
  '--id',
  'svc-billing-invoice-exporter',
  '--purpose',
  'Exports approved invoices to the billing warehouse every night.',
  '--environment',
  'production',
  '--provider',
  'gcp',
  '--account',
  'acme-billing-prod',
  '--team',
  'payments-platform',
  '--owner',
  'yuki-tanaka',
  '--privilege',
  'read',
  '--scope',
  'roles/bigquery.dataViewer on dataset billing',
  '--backend',
  'vault',
  '--ref',
  'kv/payments/billing-invoice-exporter',
  '--log',
  'Cloud Audit Logs for acme-billing-prod',
  '--dependent',
  'job: nightly invoice export (Cloud Scheduler)',
];

async function run(args: string[], answers?: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    isTty: false,
    env: {},
    ...(answers ? { input: Readable.from(answers.map((a) => `${a}\n`)) } : {}),
  });
  return { code, out, err };
}

function findingsFor(root: string, file: string) {
  const source = new FsSource(root);
  return checkInventory(source, loadWorkspace(source), TODAY)
    .findings.filter((f) => f.file === file && f.ruleId !== 'NHI-210')
    .map((f) => `${f.ruleId} ${f.message}`);
}

describe('nhi-policy new', () => {
  it('writes a requested identity from flags that the check accepts', async () => {
    const root = copyExamples();
    const { code, out } = await run([
      'new',
      root,
      '--yes',
      '--today',
      TODAY,
      ...FLAGS,
    ]);
    expect(code).toBe(0);
    expect(out).toContain(`Wrote ${FILE}.`);
    expect(out).toContain(
      `Runbooks updated: runbooks/svc-billing-invoice-exporter.md, runbooks/README.md.`,
    );
    const text = readFileSync(path.join(root, FILE), 'utf8');
    expect(text.split('\n').slice(0, 6)).toEqual([
      '# yaml-language-server: $schema=../../../policies/schemas/identity.schema.json',
      'schemaVersion: 1',
      'id: svc-billing-invoice-exporter',
      'kind: service-account',
      'purpose: >-',
      '  Exports approved invoices to the billing warehouse every night.',
    ]);
    expect(text).toContain(
      "escalation:\n  - type: slack\n    target: '#payments-oncall'\n  - type: pagerduty\n    target: payments-platform-primary\n",
    );
    expect(text).toContain(
      '    rotation:\n      intervalDays: 90\n      method: manual\n      triggeredBy: payments-platform\n      verifiedBy: security\n',
    );
    expect(text).toContain('status: requested\n');
    expect(text).not.toMatch(/created|lastRotated|lastReviewed/);
    expect(findingsFor(root, FILE)).toEqual([]);
  });

  it('dates an active identity today (UTC) and records its approval', async () => {
    const root = copyExamples();
    const { code } = await run([
      'new',
      root,
      '--yes',
      '--today',
      TODAY,
      ...FLAGS,
      '--status',
      'active',
      '--ticket',
      'PAY-2700',
      '--approved-by',
      'dana-whitfield',
      '--approved-by',
      'grace-nakamura',
    ]);
    expect(code).toBe(0);
    const text = readFileSync(path.join(root, FILE), 'utf8');
    expect(text).toContain(
      '    created: 2026-12-01\n    lastRotated: 2026-12-01\n',
    );
    expect(text).toContain(
      'review:\n  intervalDays: 90\n  lastReviewed: 2026-12-01\n  reviewedBy: yuki-tanaka\n',
    );
    expect(text).toContain(
      'approval:\n  ticket: PAY-2700\n  approvedBy:\n    - dana-whitfield\n    - grace-nakamura\n  approvedOn: 2026-12-01\n',
    );
    expect(text).toContain(
      'history:\n  - action: created\n    date: 2026-12-01\n    by: yuki-tanaka\n    evidence: PAY-2700\n',
    );
    expect(findingsFor(root, FILE)).toEqual([]);
  });

  it('refuses a name that breaks the naming rule, and says why', async () => {
    const root = copyExamples();
    const flags = [...FLAGS];
    flags[flags.indexOf('svc-billing-invoice-exporter')] =
      'billing-invoice-exporter';
    const { code, err } = await run(['new', root, '--yes', ...flags]);
    expect(code).toBe(2);
    expect(err).toBe(
      'nhi-policy: --id "billing-invoice-exporter": id "billing-invoice-exporter" has the wrong form: service accounts are named svc-<system>-<purpose> (rule NHI-101)\n',
    );
  });

  it('refuses an id that is taken, and writes nothing', async () => {
    const root = copyExamples();
    const flags = [...FLAGS];
    flags[flags.indexOf('svc-billing-invoice-exporter')] =
      'svc-payments-ledger-reader';
    const { code, err } = await run(['new', root, '--yes', ...flags]);
    expect(code).toBe(2);
    expect(err).toContain(
      'an identity called "svc-payments-ledger-reader" already exists',
    );
  });

  it('refuses a file the check would fail, and names the rule', async () => {
    const root = copyExamples();
    const flags = [...FLAGS, '--scope', 'roles/owner'];
    const { code, err } = await run(['new', root, '--yes', ...flags]);
    expect(code).toBe(2);
    expect(err).toContain(
      'the new file would fail the check, so nothing was written:\n  NHI-120 ',
    );
    expect(existsSync(path.join(root, FILE))).toBe(false);
  });

  it('never writes through a linked team folder', async () => {
    const root = copyExamples();
    const team = path.join(root, 'identities/payments-platform');
    renameSync(team, `${team}-real`);
    symlinkSync(`${team}-real`, team);
    const { code, err } = await run(['new', root, '--yes', ...FLAGS]);
    expect(code).toBe(2);
    expect(err).toBe(
      'nhi-policy: identities/payments-platform is a link or a file, not a folder: nothing was written\n',
    );
    expect(existsSync(`${team}-real/svc-billing-invoice-exporter.yaml`)).toBe(
      false,
    );
  });

  it('lists the answers missing for a script', async () => {
    const root = copyExamples();
    const { code, err } = await run(['new', root, '--yes', '--kind', 'bot']);
    expect(code).toBe(2);
    expect(err).toBe(
      'nhi-policy: these answers are missing: --id, --purpose, --environment, --provider, --account, --team, --owner, --privilege, --backend, --ref. Give them as flags, or leave out --yes to be asked\n',
    );
  });

  it('asks plain questions, takes numbers for choices, and asks again when refused', async () => {
    const root = copyExamples();
    const answers = [
      '4', // kind: api-key
      'svc-wrong-prefix', // refused: API keys are named key-…
      'key-mailgun-receipts',
      'Sends payment receipts to customers through Mailgun.',
      'staging',
      '', // status: requested
      'mailgun',
      'acme-staging',
      '', // no resource id
      'payments-platform',
      'Marco Bellini', // a plain name picks the person's key
      'read',
      'messages:send on domain mg.acme.example',
      '', // end of scopes
      '', // credential type: api-key
      'plaintext-file', // refused: not an approved vault
      '1', // vault
      'kv/payments/mailgun-receipts-staging',
      '', // rotation every 90 days
      '', // review every 365 days
      'Mailgun event log',
      'service: receipt-mailer in staging',
      '', // end of dependents
    ];
    const { code, out } = await run(['new', root, '--today', TODAY], answers);
    expect(out).toContain(
      'What kind of identity is it?\n  1. service-account\n',
    );
    expect(out).toContain(
      'What should it be called? Lowercase words joined by hyphens. API keys are named key-<vendor>-<purpose>.\n',
    );
    expect(out).toContain('  2. marco-bellini (Marco Bellini)\n');
    expect(out).toContain(
      '  Not accepted: id "svc-wrong-prefix" has the wrong form: API keys are named key-<vendor>-<purpose> (rule NHI-101). Try again.',
    );
    expect(out).toContain(
      '  Not accepted: choose one of vault, gcp-secret-manager',
    );
    expect(code).toBe(0);
    const file = 'identities/payments-platform/key-mailgun-receipts.yaml';
    const text = readFileSync(path.join(root, file), 'utf8');
    expect(text).toContain(
      '  - id: api-key\n    type: api-key\n    storage:\n      backend: vault\n',
    );
    expect(text).toContain(
      'dependents:\n  - type: service\n    ref: receipt-mailer in staging\n',
    );
    expect(text).toContain(
      'owner:\n  team: payments-platform\n  individual: marco-bellini\n',
    );
    expect(findingsFor(root, file)).toEqual([]);
  });

  it('asks a production request for its approval and log, which may wait', async () => {
    const root = copyExamples();
    const answers = [
      'service-account',
      'svc-billing-pdf-renderer',
      'Renders invoice PDFs from approved invoices for customers.',
      'production',
      '', // status: requested
      'gcp',
      'acme-billing-prod',
      '', // no resource id
      'payments-platform',
      'yuki-tanaka',
      'read',
      'roles/storage.objectViewer on bucket acme-invoices',
      '', // end of scopes
      '', // credential type: sa-key
      'vault',
      'kv/payments/billing-pdf-renderer',
      '', // rotation every 90 days
      '', // review every 90 days
      '', // log: not known yet
      '', // no dependents yet
      'PAY-2750',
      'dana-whitfield',
      '', // end of approvers
    ];
    const { code, out } = await run(['new', root, '--today', TODAY], answers);
    expect(out.split('\n')[0]).toBe(
      'Dates in the new file use 2026-12-01 (UTC, from --today).',
    );
    expect(out).toContain(
      'Where is its use logged (a log, dashboard or SIEM search)? Production and staging identities need it before they are marked active (rule NHI-170); press Enter if it is not known yet.\n',
    );
    expect(out).toContain(
      'Which ticket records the approval of this request? Production identities need it before they are marked active (rule NHI-110); press Enter if it is not known yet.\n',
    );
    expect(code).toBe(0);
    const file = 'identities/payments-platform/svc-billing-pdf-renderer.yaml';
    const text = readFileSync(path.join(root, file), 'utf8');
    expect(text).toContain(
      'approval:\n  ticket: PAY-2750\n  approvedBy:\n    - dana-whitfield\n  approvedOn: 2026-12-01\n',
    );
    expect(text).not.toContain('audit:');
    expect(findingsFor(root, file)).toEqual([]);
  });

  it('needs the log before an identity in production can be active', async () => {
    const root = copyExamples();
    const flags = FLAGS.filter(
      (f, i) => f !== '--log' && FLAGS[i - 1] !== '--log',
    );
    const { code, err } = await run([
      'new',
      root,
      '--yes',
      ...flags,
      '--status',
      'active',
      '--ticket',
      'PAY-2700',
      '--approved-by',
      'dana-whitfield',
    ]);
    expect(code).toBe(2);
    expect(err).toBe(
      'nhi-policy: these answers are missing: --log. Give them as flags, or leave out --yes to be asked\n',
    );
  });

  it('stops with a clear message when the answers run out', async () => {
    const root = copyExamples();
    const { code, err } = await run(['new', root], ['bot']);
    expect(code).toBe(2);
    expect(err).toMatch(
      /^nhi-policy: no answer to "What should it be called\?/,
    );
  });
});
