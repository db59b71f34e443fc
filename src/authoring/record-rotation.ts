import { InputError } from '../model/input-error.js';
import type { OwnersRegistry } from '../model/owners.js';
import { toDay } from '../time/day.js';
import { rotationVerifiers } from './rotation-verifiers.js';
import {
  readIdentity,
  requireNotBefore,
  requirePerson,
  requireRecordInput,
  type RecordInput,
} from './record-checks.js';
import { verifyEdit } from './verify-edit.js';
import { editYaml, type YamlItem } from './yaml-editor.js';

/** A rotation to record: who did it, who checked, and where it is shown. */
export interface RotationInput extends RecordInput {
  verifiedBy: string;
  /** The credential id; may be left out when only one can be rotated. */
  credential?: string;
  /** The new credential's expiry date, for certificates and tokens. */
  expires?: string;
}

type Fields = Record<string, unknown>;

/**
 * Records a rotation in an identity file's text: sets the credential's
 * lastRotated (and expires, when given) and appends a `rotated` history
 * entry. Everything else in the text is kept byte for byte. Throws
 * InputError for people missing from the registry, a verifier other than
 * the one the credential names, or a wrong credential.
 */
export function recordRotation(
  text: string,
  input: RotationInput,
  owners: OwnersRegistry,
): string {
  const doc = readIdentity(text);
  requireRecordInput(input);
  requirePerson(owners, input.by, '--by');
  requirePerson(owners, input.verifiedBy, '--verified-by');
  if (input.by === input.verifiedBy) {
    throw new InputError(
      'the person who verifies a rotation (--verified-by) must not be the person who did it (--by)',
    );
  }
  const index = credentialIndex(doc, input.credential);
  const credential = (doc.credentials as Fields[])[index] as Fields;
  requireNamedVerifier(credential, input, owners);
  requireNotBefore(input.date, credential.lastRotated, 'the last rotation');
  requireExpiry(input);

  const event = rotationEvent(input, String(credential.id));
  const editor = editYaml(text);
  editor.set(['credentials', index, 'lastRotated'], input.date, ['created']);
  if (input.expires !== undefined) {
    editor.set(['credentials', index, 'expires'], input.expires, [
      'lastUsed',
      'lastRotated',
    ]);
  }
  editor.append(['history'], event);
  verifyEdit(doc, editor.text(), (expected) => {
    const c = (expected.credentials as Fields[])[index] as Fields;
    c.lastRotated = input.date;
    if (input.expires !== undefined) c.expires = input.expires;
    expected.history = [...((expected.history as unknown[]) ?? []), event];
  });
  return editor.text();
}

/** The index of the credential to rotate, or InputError saying why not. */
function credentialIndex(doc: Fields, id: string | undefined): number {
  if (doc.status === 'decommissioned') {
    throw new InputError(
      'the identity is decommissioned: there is nothing to rotate',
    );
  }
  const credentials = Array.isArray(doc.credentials)
    ? (doc.credentials as Fields[])
    : [];
  const rotatable = credentials
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c.type !== 'federated' && c.status !== 'revoked');
  const names = rotatable.map(({ c }) => String(c.id)).join(', ');
  if (id === undefined) {
    if (rotatable.length === 1) return rotatable[0]?.index ?? 0;
    throw new InputError(
      rotatable.length === 0
        ? 'the identity has no stored credential to rotate (keyless or revoked)'
        : `the identity has ${rotatable.length} credentials (${names}): say which with --credential`,
    );
  }
  const match = rotatable.find(({ c }) => c.id === id);
  if (match) return match.index;
  const keyless = credentials.some((c) => c.id === id);
  throw new InputError(
    keyless
      ? `credential "${id}" is keyless or revoked: there is no secret to rotate`
      : `there is no credential "${id}" in the file; its credentials are: ${names || 'none'}`,
  );
}

/**
 * When rotation.verifiedBy names a person or a team of the registry, only
 * that person or a member of that team (other than --by) may verify.
 */
function requireNamedVerifier(
  credential: Fields,
  input: RotationInput,
  owners: OwnersRegistry,
): void {
  const rotation = credential.rotation as Fields | undefined;
  const party =
    typeof rotation?.verifiedBy === 'string' ? rotation.verifiedBy : undefined;
  const allowed = rotationVerifiers(party, owners);
  if (allowed === null || allowed.includes(input.verifiedBy)) return;
  const others = allowed.filter((key) => key !== input.by);
  const named = owners.teams.has(party ?? '')
    ? `team "${party}"`
    : `"${party}"`;
  const ask =
    others.length === 0
      ? `nobody there but ${input.by} (--by) could verify, so someone else must rotate it, or the owning team must name another verifier in the file`
      : `ask ${others.length === 1 ? '' : 'one of '}${others.join(', ')}`;
  throw new InputError(
    `--verified-by "${input.verifiedBy}" may not verify this rotation: credential "${String(credential.id)}" names ${named} as its verifier (rotation.verifiedBy); ${ask}`,
  );
}

function requireExpiry(input: RotationInput): void {
  if (input.expires === undefined) return;
  const expires = toDay(input.expires);
  if (expires === null || expires <= (toDay(input.date) ?? 0)) {
    throw new InputError(
      `--expires "${input.expires}" must be a real date after the rotation date ${input.date}`,
    );
  }
}

function rotationEvent(input: RotationInput, credential: string): YamlItem {
  return {
    action: 'rotated',
    date: input.date,
    by: input.by,
    verifiedBy: input.verifiedBy,
    credential,
    evidence: input.evidence,
    ...(input.note === undefined ? {} : { note: input.note }),
  };
}
