import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { identityPath } from '../../src/authoring/identity-path.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { EXAMPLES } from '../runbook/example-inventory.js';

const made: string[] = [];
afterEach(() =>
  made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })),
);

describe('the identity file a command edits', () => {
  it('is refused when a linked folder leads to it, so nothing outside changes', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'nhi-path-'));
    const outside = mkdtempSync(path.join(tmpdir(), 'nhi-outside-'));
    made.push(root, outside);
    cpSync(path.join(EXAMPLES, 'identities/payments-platform'), outside, {
      recursive: true,
    });
    symlinkSync(outside, path.join(root, 'linked'), 'dir');
    const file = path.join(root, 'linked', 'svc-payments-ledger-reader.yaml');
    expect(() =>
      identityPath(root, file, { ...DEFAULT_CONFIG, roots: [''] }),
    ).toThrow(
      'is reached through linked, a link; links are never followed, so nothing outside the inventory is changed',
    );
  });
});
