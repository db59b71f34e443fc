import { describe, expect, it } from 'vitest';
import { buildRunbooks } from '../../src/runbook/build-runbooks.js';
import { readIdentityRecord } from '../../src/runbook/identity-record.js';
import { BLANKS } from '../../src/runbook/checklist.js';
import { liveSecrets } from '../../src/runbook/phrases.js';
import { safeCode, safeText } from '../../src/runbook/safe-text.js';
import { EXAMPLES, readInventory, section } from './example-inventory.js';

const { workspace, identities } = readInventory(EXAMPLES);
const { pages } = buildRunbooks(identities, workspace);
const records = identities.map(({ file, doc }) => {
  const record = readIdentityRecord(file, doc);
  if (!record) throw new Error(`${file} has no id`);
  return record;
});
const pageOf = (id: string) => pages.get(`${id}.md`) ?? '';

describe('runbooks of every example identity', () => {
  it('writes one page per identity and the index', () => {
    expect(records).toHaveLength(41);
    expect([...pages.keys()].sort()).toEqual(
      [...records.map((r) => `${r.id}.md`), 'README.md'].sort(),
    );
  });

  it.each(records.map((r) => [r.id, r] as const))(
    '%s: says what it is, where it lives and who owns it',
    (id, record) => {
      const page = pageOf(id);
      expect(page).toContain(`# Runbook: \`${id}\`\n`);
      expect(page).toContain(`- Identity file: \`${record.file}\``);
      const where = section(page, '2. Where it lives');
      expect(where).toContain(`- System: ${safeCode(record.system.provider)}`);
      expect(where).toContain(`- Account: ${safeCode(record.system.account)}`);
      for (const c of record.credentials) {
        expect(where).toContain(`### Credential \`${c.id}\``);
        if (c.storage?.ref) {
          expect(where).toContain(
            `- Stored in: \`${c.storage.backend}\`, at \`${c.storage.ref}\``,
          );
        }
      }
    },
  );

  it.each(records.map((r) => [r.id, r] as const))(
    '%s: lists every dependent on its own line to update and to confirm',
    (id, record) => {
      const page = pageOf(id);
      const rotation = section(page, '5. Rotation checklist');
      const retire = section(page, '8. Deprovisioning checklist');
      for (const d of record.dependents) {
        const ref = safeCode(d.ref);
        const updates = rotation
          .split('\n')
          .filter(
            (l) => l.includes('Update this dependent') && l.includes(ref),
          );
        expect(updates).toHaveLength(liveSecrets(record).length);
        const confirms = retire
          .split('\n')
          .filter(
            (l) => l.includes('Confirm that this dependent') && l.includes(ref),
          );
        expect(confirms).toHaveLength(1);
      }
    },
  );

  it.each(records.map((r) => [r.id, r] as const))(
    '%s: gives the call order: person, team, escalation contacts, team escalation',
    (id, record) => {
      const calls = section(pageOf(id), '3. Who owns it and whom to call')
        .split('\n')
        .filter((l) => /^\d+\. /.test(l));
      const person = workspace.owners.people.get(record.individual ?? '');
      const team = workspace.owners.teams.get(record.team ?? '');
      expect(calls[0]).toMatch(
        person ? `1. ${safeText(person.name)} ` : /^1\. Accountable person/,
      );
      expect(calls[1]).toMatch(
        team ? `2. ${safeText(team.name)} ` : /^2\. Owning team/,
      );
      const expected = [...record.escalation, ...(team?.escalation ?? [])]
        .map((c) => safeCode(c.target))
        .filter((t, i, all) => all.indexOf(t) === i);
      const rest = calls.slice(2);
      expect(rest).toHaveLength(expected.length);
      rest.forEach((line, i) => expect(line).toContain(expected[i]));
    },
  );

  it.each(records.map((r) => [r.id] as const))(
    '%s: puts UTC blanks under every checklist step',
    (id) => {
      const lines = pageOf(id).split('\n');
      const steps = lines
        .map((line, i) => [line, lines[i + 1] ?? ''] as const)
        .filter(([line]) => /^\d+\. \[ \] /.test(line));
      expect(steps.length).toBeGreaterThan(15);
      for (const [step, next] of steps) {
        expect(step.endsWith('\\')).toBe(true);
        expect(next.trim()).toBe(BLANKS);
      }
      expect(BLANKS).toBe('Date (UTC): ____ Time (UTC): ____ Initials: ____');
    },
  );

  it('prints dates as written in the file, and due dates in whole UTC days', () => {
    const page = pageOf('svc-payments-ledger-reader');
    expect(page).toContain(
      'last rotated 2026-10-01; next due 2026-12-30 (UTC)',
    );
    expect(page).toContain(
      'last reviewed 2026-10-15 by Dana Whitfield (`dana-whitfield`); next due 2027-01-13 (UTC)',
    );
    expect(page).toContain('All dates are calendar dates in UTC');
  });

  it('gives rotation its trigger, verifier and where the evidence goes', () => {
    const rotation = section(
      pageOf('svc-payments-ledger-reader'),
      '5. Rotation checklist',
    );
    expect(rotation).toContain(
      '- Who triggers it: Payments Platform (team `payments-platform`).',
    );
    expect(rotation).toContain(
      '- Who verifies it: Security Engineering (team `security`), that is one of `grace-nakamura`, `elias-novak` or `amara-nwosu`.',
    );
    expect(rotation).toContain("The last rotation's evidence was `PAY-2533`.");
    expect(rotation).toContain(
      'run `nhi-policy rotate identities/payments-platform/svc-payments-ledger-reader.yaml --credential sa-key --by YOUR-KEY --verified-by VERIFIER-KEY --evidence TICKET`,',
    );
  });

  it('gives the command that marks a requested identity active, with what it lacks', () => {
    const create = section(
      pageOf('wi-payments-refund-worker'),
      '4. Creation checklist',
    );
    expect(create).toContain(
      'run `nhi-policy activate identities/payments-platform/wi-payments-refund-worker.yaml --by YOUR-KEY --ticket TICKET --approved-by APPROVER-KEY`.',
    );
    expect(
      section(
        pageOf('ci-buildkite-agent-registration'),
        '4. Creation checklist',
      ),
    ).toContain(
      "--by YOUR-KEY --ticket TICKET --approved-by APPROVER-KEY --log 'WHERE USE IS LOGGED'`.",
    );
  });

  it('writes every command in a code span, with nothing escaped inside', () => {
    for (const page of pages.values()) {
      for (const line of page.split('\n')) {
        if (!line.includes('nhi-policy ') || line.startsWith('<!--')) continue;
        expect(line).not.toMatch(
          /(^|[^`])nhi-policy (activate|rotate|review) /,
        );
        const command = /`(nhi-policy [^`]*)`/.exec(line)?.[1] ?? '';
        expect(command).not.toContain('\\');
      }
    }
  });

  it('has nothing to rotate for a keyless identity', () => {
    const page = pageOf('wi-crates-publish-acme-cli');
    expect(section(page, '5. Rotation checklist')).toContain(
      'Nothing to rotate',
    );
    expect(section(page, '2. Where it lives')).toContain(
      '- Keyless: no secret is stored and nothing is rotated.',
    );
  });

  it('lists the steps a retiring identity wrote down, and its sunset', () => {
    const retire = section(
      pageOf('bot-cherrypick-robot'),
      '8. Deprovisioning checklist',
    );
    expect(retire).toContain('- Sunset date: 2027-01-29');
    expect(retire).toContain('- Replaced by: `app-github-cherry-picker`');
    expect(retire).toContain(
      'Step written down for this identity: Watch one release cycle of cherry-picks made by the app.',
    );
    expect(retire).toContain(
      '- Who verifies: whoever verifies its rotations, Fatima Haddad (`fatima-haddad`); never the person who retires it.',
    );
  });

  it('indexes every identity with its next due date', () => {
    const index = pages.get('README.md') ?? '';
    const rows = index.split('\n').filter((l) => l.startsWith('| ['));
    expect(rows).toHaveLength(41);
    expect(index).toContain(
      '| [`svc-payments-settlement-exporter`](svc-payments-settlement-exporter.md) | service account | production | `payments-platform` | active | 2026-10-13: rotate `sa-key` |',
    );
    expect(index).toContain('| decommissioned | now: revoke `ssh-key` |');
    expect(index).toContain('| requested | nothing scheduled |');
    expect(index).toContain('now: name a real owner |');
  });
});
