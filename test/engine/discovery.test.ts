import { symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FsSource } from '../../src/load/fs-source.js';
import { ConfigError } from '../../src/model/config-error.js';
import { renderText } from '../../src/report/text.js';
import {
  briefs,
  check,
  checkDir,
  fixture,
  makeInventory,
} from '../helpers/inventory.js';

const CLEAN = fixture('identities/clean-service-account.yaml');

/** The clean fixture renamed to `id`, with its own vault path. */
function identity(id: string): string {
  return CLEAN.replace('svc-billing-report-reader', id).replace(
    'kv/billing/report-reader',
    `kv/${id}`,
  );
}

/** What macOS leaves beside a file copied to a shared drive. */
const APPLE_DOUBLE = Buffer.from([
  0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00, 0x4d, 0x61, 0x63, 0x20, 0xff,
]);

function config(inventory: string): string {
  return `schemaVersion: 1\ninventory:\n${inventory}`;
}

describe('D1 hidden folders and ignore patterns', () => {
  const files = {
    'nhi-policy.yaml': config(
      "  roots: [identities]\n  ignore: ['._*', 'drafts/']\n",
    ),
    'identities/.archive/svc-billing-ledger-export.yaml': identity(
      'svc-billing-ledger-export',
    ).replace('2026-10-01', '2026-02-30'),
    'identities/payments/svc.yaml': identity('svc'),
    'identities/payments/._svc.yaml': APPLE_DOUBLE,
    'identities/payments/drafts/svc-billing-draft-reader.yaml': 'id: [',
    'identities/payments/README.md': '# Payments identities\n',
  };

  it('checks files in dot-folders and svc.yaml, not ._svc.yaml', () => {
    expect(briefs(check(files))).toEqual([
      {
        rule: 'NHI-010',
        at: 'identities/.archive/svc-billing-ledger-export.yaml:15:5',
        message:
          'credentials[0].lastRotated "2026-02-30" is not a real date: write an existing date as YYYY-MM-DD',
      },
      {
        rule: 'NHI-101',
        at: 'identities/payments/svc.yaml:2:1',
        message:
          'id "svc" has the wrong form: service accounts are named svc-<system>-<purpose>',
      },
    ]);
  });

  it('counts found, checked and skipped, listing each skipped file', () => {
    expect(check(files).files).toEqual({
      found: 4,
      checked: 2,
      skipped: [
        { path: 'identities/payments/._svc.yaml', reason: 'ignore pattern' },
        {
          path: 'identities/payments/drafts/svc-billing-draft-reader.yaml',
          reason: 'ignore pattern',
        },
      ],
    });
  });

  it('says the counts in the tally line', () => {
    const text = renderText(check(files), false);
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'Checked 2 identity files (4 found, 2 skipped) on 2026-12-01: 2 errors, 0 warnings, 0 notes.',
    );
  });
});

describe('D2 extensions in any case', () => {
  it('finds Deploy-Bot.YAML and release.Yml, and nothing else', () => {
    const bot = (id: string) =>
      identity(id).replace('kind: service-account', 'kind: bot');
    const report = check({
      'identities/Deploy-Bot.YAML': bot('Deploy-Bot'),
      'identities/release.Yml': bot('release'),
      'identities/notes.txt': 'not an identity',
      'identities/yaml': 'not an identity either',
    });

    expect(report.files).toEqual({ found: 2, checked: 2, skipped: [] });
    expect(briefs(report)).toEqual([
      {
        rule: 'NHI-101',
        at: 'identities/Deploy-Bot.YAML:2:1',
        message:
          'id "Deploy-Bot" has the wrong form: bots are named bot-<name>',
      },
      {
        rule: 'NHI-101',
        at: 'identities/release.Yml:2:1',
        message: 'id "release" has the wrong form: bots are named bot-<name>',
      },
    ]);
  });
});

describe('D3 Windows paths', () => {
  const files = (roots: string, ignore: string) => ({
    'nhi-policy.yaml': config(`  roots: ${roots}\n  ignore: ${ignore}\n`),
    'inventory/prod/svc-billing-prod-reader.yaml': identity(
      'svc-billing-prod-reader',
    ),
    'inventory/prod/drafts/svc-billing-draft-reader.yaml': 'id: [',
    'inventory/staging/eu/svc-billing-stage-reader.yaml': identity(
      'svc-billing-stage-reader',
    ).replace('2026-10-01', '2026-02-30'),
  });

  it('finds the same files with backslashes, reported with forward slashes', () => {
    const posix = check(
      files(
        "['inventory/prod', './inventory/staging/']",
        "['inventory/prod/drafts/']",
      ),
    );
    const windows = check(
      files(
        "['inventory\\prod', '.\\inventory\\staging\\']",
        "['inventory\\prod\\drafts\\']",
      ),
    );

    expect(windows.files).toEqual(posix.files);
    expect(windows.findings).toEqual(posix.findings);
    expect(briefs(windows)).toEqual([
      {
        rule: 'NHI-010',
        at: 'inventory/staging/eu/svc-billing-stage-reader.yaml:15:5',
        message:
          'credentials[0].lastRotated "2026-02-30" is not a real date: write an existing date as YYYY-MM-DD',
      },
    ]);
    expect(windows.files).toEqual({
      found: 3,
      checked: 2,
      skipped: [
        {
          path: 'inventory/prod/drafts/svc-billing-draft-reader.yaml',
          reason: 'ignore pattern',
        },
      ],
    });
  });
});

describe('roots stay inside the repository', () => {
  const configError = (roots: string) => {
    try {
      check({ 'nhi-policy.yaml': config(`  roots:\n    - ${roots}\n`) });
    } catch (error) {
      return error as ConfigError;
    }
    throw new Error('the check did not throw');
  };

  it('refuses a root with .. as a ConfigError at its line', () => {
    const error = configError('../elsewhere');
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.describe()).toBe(
      'nhi-policy.yaml:4: inventory root "../elsewhere" leaves the repository: remove the ".." parts',
    );
  });

  it('refuses a root with ..\\ written the Windows way', () => {
    expect(configError("'identities\\..\\..\\etc'").describe()).toBe(
      'nhi-policy.yaml:4: inventory root "identities\\..\\..\\etc" leaves the repository: remove the ".." parts',
    );
  });

  it('refuses an absolute root', () => {
    expect(configError('/etc').describe()).toBe(
      'nhi-policy.yaml:4: inventory root "/etc" is absolute: write it relative to the repository',
    );
  });
});

describe('symbolic links are refused, never followed', () => {
  const LINK_MESSAGE =
    'this is a symbolic link; links are never followed: replace it with a regular file inside the inventory';

  it('reports a linked file and a linked folder with NHI-003', () => {
    const root = makeInventory({
      'identities/svc-billing-report-reader.yaml': CLEAN,
      'elsewhere/svc-billing-linked-reader.yaml': identity(
        'svc-billing-linked-reader',
      ).replace('2026-10-01', '2026-02-30'),
      'elsewhere/team/svc-billing-team-reader.yaml': 'id: [',
    });
    symlinkSync(
      path.join(root, 'elsewhere/svc-billing-linked-reader.yaml'),
      path.join(root, 'identities/svc-billing-linked-reader.yaml'),
    );
    symlinkSync(
      path.join(root, 'elsewhere/team'),
      path.join(root, 'identities/team'),
    );
    symlinkSync('/etc/hostname', path.join(root, 'identities/hostname.txt'));
    const report = checkDir(root);

    // Nothing behind a link was read: no finding about its contents.
    expect(briefs(report)).toEqual([
      {
        rule: 'NHI-003',
        at: 'identities/hostname.txt:1:1',
        message: LINK_MESSAGE,
      },
      {
        rule: 'NHI-003',
        at: 'identities/svc-billing-linked-reader.yaml:1:1',
        message: LINK_MESSAGE,
      },
      { rule: 'NHI-003', at: 'identities/team:1:1', message: LINK_MESSAGE },
    ]);
    expect(report.files).toEqual({ found: 4, checked: 1, skipped: [] });
  });

  it('refuses to open a link even when asked for it directly', () => {
    const root = makeInventory({ 'elsewhere/target.yaml': CLEAN });
    symlinkSync(
      path.join(root, 'elsewhere/target.yaml'),
      path.join(root, 'link.yaml'),
    );
    expect(() => new FsSource(root).read('link.yaml', 4096)).toThrow(
      expect.objectContaining({ code: 'ELOOP' }),
    );
  });

  it('refuses an inventory root that is itself a link', () => {
    const root = makeInventory({
      'elsewhere/svc-billing-report-reader.yaml': fixture(
        'identities/impossible-date.yaml',
      ),
    });
    symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'identities'));
    const report = checkDir(root);

    expect(briefs(report)).toEqual([
      { rule: 'NHI-003', at: 'identities:1:1', message: LINK_MESSAGE },
    ]);
    expect(report.files).toEqual({ found: 1, checked: 0, skipped: [] });
  });

  it('refuses a root below a linked folder', () => {
    const root = makeInventory({
      'nhi-policy.yaml': config('  roots: [teams/payments]\n'),
      'elsewhere/payments/svc-billing-report-reader.yaml': fixture(
        'identities/impossible-date.yaml',
      ),
    });
    symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'teams'));

    expect(briefs(checkDir(root))).toEqual([
      { rule: 'NHI-003', at: 'teams:1:1', message: LINK_MESSAGE },
    ]);
  });
});
