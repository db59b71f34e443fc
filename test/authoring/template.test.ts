import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { approvedBackends } from '../../src/authoring/approved-backends.js';
import { KINDS } from '../../src/authoring/questions.js';
import { EXAMPLES, readInventory } from '../runbook/example-inventory.js';

const { workspace, identities } = readInventory(EXAMPLES);
const { owners } = workspace;
const read = (file: string) => readFileSync(path.join(EXAMPLES, file), 'utf8');

/** CODEOWNERS rules as pattern and owners, in file order. */
const rules = read('CODEOWNERS')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const [pattern = '', ...handles] = line.trim().split(/\s+/);
    return { pattern, handles };
  });

/** The owners GitHub applies to a path: the last rule that matches wins. */
function ownersOf(file: string): string[] {
  const match = rules.filter(
    ({ pattern }) =>
      pattern === '*' ||
      (pattern.endsWith('/')
        ? `/${file}`.startsWith(pattern)
        : `/${file}` === pattern),
  );
  return match.at(-1)?.handles ?? [];
}

const handleOf = (team: string) => `@${owners.teams.get(team)?.github ?? ''}`;

describe('template files stay in step with owners.yaml', () => {
  it('CODEOWNERS names only teams and people of the registry', () => {
    const known = new Set([
      ...[...owners.teams.values()].map((t) => `@${t.github}`),
      ...[...owners.people.values()].map((p) => `@${p.github}`),
    ]);
    for (const { handles } of rules) {
      for (const handle of handles) expect(known).toContain(handle);
    }
  });

  it('CODEOWNERS gives each identity file to its owning team', () => {
    const checked = identities.filter(({ doc }) =>
      owners.teams.has(String((doc.owner as { team?: string }).team)),
    );
    expect(checked.length).toBe(40);
    for (const { file, doc } of checked) {
      const team = String((doc.owner as { team: string }).team);
      expect([file, ownersOf(file)]).toEqual([file, [handleOf(team)]]);
    }
  });

  it('CODEOWNERS gives the rules and the registry to the security team', () => {
    for (const file of [
      'owners.yaml',
      'nhi-policy.yaml',
      'policies/rules/naming.json',
      'waivers/x.yaml',
    ]) {
      expect(ownersOf(file)).toEqual([handleOf('security')]);
    }
    expect(ownersOf('runbooks/README.md')).toEqual([]);
  });

  it('the request form offers the kinds, teams and vaults the check accepts', () => {
    const form = parse(read('.github/ISSUE_TEMPLATE/request-identity.yml')) as {
      body: {
        type: string;
        id?: string;
        attributes: { options?: unknown[] };
      }[];
    };
    const ids = form.body.flatMap((b) => (b.id ? [b.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    const options = (id: string) =>
      form.body.find((b) => b.id === id)?.attributes.options ?? [];
    expect(options('kind')).toEqual([...KINDS, 'I am not sure']);
    expect(options('team')).toEqual([...owners.teams.keys()]);
    expect(options('vault')).toEqual([
      ...(approvedBackends(workspace.policies) ?? []),
      'keyless (no secret is stored)',
      'I am not sure',
    ]);
  });

  it('the pull request template carries the approver checklist', () => {
    const template = read('.github/PULL_REQUEST_TEMPLATE.md');
    expect(template).toContain('## Approver checklist');
    expect(template.match(/^- \[ \] /gm)?.length).toBe(14);
  });
});
