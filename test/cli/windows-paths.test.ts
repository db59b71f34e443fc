import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixture, makeInventory } from '../helpers/inventory.js';

describe('D3 Windows paths on the command line', () => {
  it('reads a folder argument written with backslashes', () => {
    const root = makeInventory({
      'acme/inventory/identities/svc-billing-report-reader.yaml': fixture(
        'identities/impossible-date.yaml',
      ),
      'acme/inventory/owners.yaml': fixture('owners.yaml'),
    });
    const args = ['--today', '2026-12-01', '--format', 'sarif'];
    const windows = runCli(['check', 'acme\\inventory', ...args], {}, root);
    const posix = runCli(['check', path.join(root, 'acme/inventory'), ...args]);

    expect(windows.code).toBe(1);
    expect(windows.stdout).toBe(posix.stdout);
    const sarif = JSON.parse(windows.stdout) as {
      runs: {
        results: {
          locations: {
            physicalLocation: { artifactLocation: { uri: string } };
          }[];
        }[];
      }[];
    };
    expect(
      sarif.runs[0]?.results.map(
        (r) => r.locations[0]?.physicalLocation.artifactLocation.uri,
      ),
    ).toEqual(['identities/svc-billing-report-reader.yaml']);
  });
});
