import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  startGitHubApi,
  TOKENS,
  type GitHubApi,
  type IssueRecord,
} from '../support/github-api/index.js';
import { runActionAsync, type ActionRun } from '../support/run-action.js';

export const TODAY = '2026-12-01';
export const LABEL = 'nhi-policy';

/** An identity of the test inventory: its team and last rotation. */
export interface IdentitySpec {
  id: string;
  team: string;
  lastRotated: string;
  /** Default 90. */
  intervalDays?: number;
  /** Default 2026-11-01. */
  lastReviewed?: string;
}

/** The identity file of `spec`: one key, rotated every 90 days. */
export function identityYaml(spec: IdentitySpec): string {
  return [
    'schemaVersion: 1',
    `id: ${spec.id}`,
    'kind: service-account',
    'purpose: Reads ledger entries for the nightly reconciliation job.',
    'status: active',
    'environment: development',
    'system: { provider: gcp, account: acme-dev }',
    `owner: { team: ${spec.team}, individual: ${spec.team}-lead }`,
    'access: { privilege: read, scopes: [roles/bigquery.dataViewer] }',
    'credentials:',
    '  - id: key',
    '    type: sa-key',
    '    status: active',
    `    storage: { backend: vault, ref: kv/${spec.team}/${spec.id} }`,
    '    created: 2024-01-10',
    `    lastRotated: ${spec.lastRotated}`,
    `    rotation: { intervalDays: ${spec.intervalDays ?? 90}, triggeredBy: ${spec.team}, verifiedBy: security }`,
    `review: { lastReviewed: ${spec.lastReviewed ?? '2026-11-01'}, intervalDays: 90 }`,
    '',
  ].join('\n');
}

/** The owners registry: each team with one lead, plus security. */
export function ownersYaml(teams: readonly string[]): string {
  const all = [...new Set([...teams, 'security'])].sort();
  const lines = ['schemaVersion: 1', 'teams:'];
  for (const t of all) {
    lines.push(`  ${t}:`, `    name: Team ${t}`, `    members: [${t}-lead]`);
  }
  lines.push('people:');
  for (const t of all) {
    lines.push(`  ${t}-lead: { name: Lead of ${t}, github: ${t}-gh }`);
  }
  return `${lines.join('\n')}\n`;
}

const CONFIG = [
  'schemaVersion: 1',
  'inventory:',
  '  roots: [identities]',
  'owners: owners.yaml',
  'waivers: waivers',
  'failOn: error',
  '',
].join('\n');

/** A checkout with an inventory, on a local GitHub API. */
export interface AuditScenario {
  workspace: string;
  api: GitHubApi;
  /** Writes the inventory: the registry of its teams and each identity. */
  write(identities: readonly IdentitySpec[], teams?: string[]): void;
  run(options?: AuditRunOptions): Promise<ActionRun>;
  /** The open and closed issues carrying the marker of `team`. */
  issuesOf(team: string): IssueRecord[];
  close(): Promise<void>;
}

export interface AuditRunOptions {
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  token?: string;
}

/** Starts a local API and an empty checkout. */
export async function startAuditScenario(): Promise<AuditScenario> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'nhi-audit-'));
  const api = await startGitHubApi({ owner: 'acme', repo: 'identities' });
  return {
    workspace,
    api,
    write: (identities, teams) => {
      const folder = path.join(workspace, 'identities');
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      const names = teams ?? identities.map((i) => i.team);
      writeFileSync(path.join(workspace, 'nhi-policy.yaml'), CONFIG);
      writeFileSync(path.join(workspace, 'owners.yaml'), ownersYaml(names));
      for (const spec of identities) {
        const file = path.join(folder, `${spec.id}.yaml`);
        writeFileSync(file, identityYaml(spec));
      }
    },
    run: (options = {}) =>
      runActionAsync({
        workspace,
        eventName: 'schedule',
        payload: { schedule: '17 6 * * 1-5' },
        inputs: {
          today: TODAY,
          'fail-on': 'never',
          // quarterly-reviews.test.ts switches the reviews on.
          'quarterly-review': 'false',
          token: options.token ?? TOKENS.actions,
          ...options.inputs,
        },
        env: { GITHUB_API_URL: api.url, ...options.env },
      }),
    issuesOf: (team) =>
      api.state
        .issues()
        .filter((i) =>
          (i.body ?? '').includes(`<!-- nhi-policy:audit team=${team} -->`),
        ),
    close: async () => {
      await api.close();
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}

/** The requests a run made: everything logged after `from`. */
export function requestsSince(api: GitHubApi, from: number) {
  return api.requests().slice(from);
}

/** The error annotations of a run that are not on a file. */
export function errorsOf(run: ActionRun): string[] {
  return run.commands
    .filter((c) => c.command === 'error' && !c.properties.file)
    .map((c) => c.message);
}
