import type { OwnersRegistry } from '../model/owners.js';
import type { Answers } from './new-context.js';

type Fields = Record<string, unknown>;

/**
 * The identity document for the answers of `new`, fields in the order the
 * examples use. Escalation comes from the owning team in the registry. A
 * requested identity carries no dates; an active one is dated `today`:
 * created, last rotated and last reviewed by its accountable person.
 * Rotations are verified by `securityTeam` ('' for the accountable person).
 */
export function buildIdentity(
  a: Answers,
  owners: OwnersRegistry,
  securityTeam: string,
  today: string,
): Fields {
  const team = owners.teams.get(text(a.team));
  const active = a.status === 'active';
  return compact({
    schemaVersion: 1,
    id: text(a.id),
    kind: text(a.kind),
    purpose: text(a.purpose),
    status: text(a.status),
    environment: text(a.environment),
    system: compact({
      provider: text(a.provider),
      account: text(a.account),
      resourceId: a['resource-id'],
    }),
    owner: { team: text(a.team), individual: text(a.owner) },
    escalation: team?.escalation.length
      ? team.escalation.map((c) => ({ ...c }))
      : undefined,
    access: compact({ privilege: text(a.privilege), scopes: a.scope }),
    credentials: [credential(a, securityTeam, active ? today : undefined)],
    dependents: list(a.dependent).map(dependent),
    review: compact({
      intervalDays: Number(a['review-days']),
      lastReviewed: active ? today : undefined,
      reviewedBy: active ? text(a.owner) : undefined,
    }),
    approval: a.ticket
      ? {
          ticket: a.ticket,
          approvedBy: list(a['approved-by']),
          approvedOn: today,
        }
      : undefined,
    audit: a.log ? { logRef: a.log } : undefined,
    history: active
      ? [
          compact({
            action: 'created',
            date: today,
            by: text(a.owner),
            evidence: a.ticket,
          }),
        ]
      : undefined,
  });
}

function credential(a: Answers, securityTeam: string, today?: string) {
  const type = text(a['credential-type']);
  if (type === 'federated') {
    return compact({
      id: 'federated',
      type,
      status: today ? 'active' : undefined,
      issuer: a.issuer,
      subject: a.subject,
      created: today,
    });
  }
  // The owning team rotates; someone outside it checks, when there is one.
  const verifier =
    securityTeam !== '' && text(a.team) !== securityTeam
      ? securityTeam
      : text(a.owner);
  return compact({
    id: type,
    type,
    status: today ? 'active' : undefined,
    storage: {
      backend: text(a.backend),
      ref: text(a.ref),
      readers: [text(a.team)],
    },
    created: today,
    lastRotated: today,
    rotation: {
      intervalDays: Number(a['rotation-days']),
      method: 'manual',
      triggeredBy: text(a.team),
      verifiedBy: verifier,
    },
  });
}

function dependent(line: string): Fields {
  const colon = line.indexOf(':');
  return {
    type: line.slice(0, colon).trim(),
    ref: line.slice(colon + 1).trim(),
  };
}

function text(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Drops undefined fields and empty lists, keeping the order of the rest. */
function compact(fields: Fields): Fields {
  return Object.fromEntries(
    Object.entries(fields).filter(
      ([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0),
    ),
  );
}
