import type { Contact, OwnersRegistry } from '../model/owners.js';
import type { IdentityRecord } from './identity-record.js';
import { plainName } from './plain-name.js';
import { safeCode, safeText } from './safe-text.js';

/**
 * Whom to call about an identity, in order, as Markdown list texts: the
 * accountable person, the owning team, the identity's own escalation
 * contacts, then the team's escalation contacts not already listed.
 */
export function callOrder(
  record: IdentityRecord,
  owners: OwnersRegistry,
): string[] {
  const calls = [personCall(record, owners), teamCall(record, owners)];
  const seen = new Set<string>();
  const team = record.team ? owners.teams.get(record.team) : undefined;
  for (const [contact, origin] of [
    ...record.escalation.map((c) => [c, 'escalation contact'] as const),
    ...(team?.escalation ?? []).map((c) => [c, 'team escalation'] as const),
  ]) {
    const key = `${contact.type}\n${contact.target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    calls.push(`${contactText(contact)} (${origin})`);
  }
  return calls;
}

/** "Slack: `#payments-oncall`", the target exactly as written. */
export function contactText(contact: Contact): string {
  return `${plainName('contact', contact.type)}: ${safeCode(contact.target)}`;
}

function personCall(record: IdentityRecord, owners: OwnersRegistry): string {
  const key = record.individual;
  const person = key ? owners.people.get(key) : undefined;
  if (!person) {
    return `Accountable person: ${safeCode(key)} (not in ${safeCode(owners.file)}; go to the next line)`;
  }
  const ways = [
    ...(person.email ? [`Email: ${safeCode(person.email)}`] : []),
    ...(person.contacts ?? []).map(contactText),
  ];
  const reach = ways.length === 0 ? '' : `: ${ways.join('; ')}`;
  return `${safeText(person.name)} (${safeCode(person.key)}), accountable person${reach}`;
}

function teamCall(record: IdentityRecord, owners: OwnersRegistry): string {
  const key = record.team;
  const team = key ? owners.teams.get(key) : undefined;
  if (!team) {
    return `Owning team: ${safeCode(key)} (not in ${safeCode(owners.file)}; go to the next line)`;
  }
  const members = team.members
    .map((m) => owners.people.get(m))
    .filter((p) => p !== undefined && !p.bot)
    .map((p) => safeText(p?.name));
  const who = members.length === 0 ? '' : `: ${members.join(', ')}`;
  return `${safeText(team.name)} (team ${safeCode(team.key)}), owning team${who}`;
}
