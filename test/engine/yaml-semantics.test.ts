import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/config/workspace.js';
import { checkInventory } from '../../src/evaluate/check-inventory.js';
import { FsSource } from '../../src/load/fs-source.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import {
  IDENTITY,
  TODAY,
  briefs,
  check,
  checkFixture,
  fixture,
  makeInventory,
} from '../helpers/inventory.js';

const BOM = '\uFEFF';

describe('Y1 dates stay strings', () => {
  it('passes an unquoted date against format: date and loads it as text', () => {
    const root = makeInventory({
      [IDENTITY]: fixture('identities/clean-service-account.yaml'),
    });
    const source = new FsSource(root);
    const loaded: Record<string, unknown>[] = [];
    const report = checkInventory(source, loadWorkspace(source), TODAY, {
      visit: (_file, doc) => loaded.push(doc),
    });

    expect(report.findings).toEqual([]);
    const credentials = loaded[0]?.credentials as Record<string, unknown>[];
    expect(credentials[0]?.lastRotated).toBe('2026-10-01');
  });

  it('fails 2026-02-30 on its own line with NHI-010', () => {
    expect(briefs(checkFixture('impossible-date.yaml'))).toEqual([
      {
        rule: 'NHI-010',
        at: `${IDENTITY}:15:5`,
        message:
          'credentials[0].lastRotated "2026-02-30" is not a real date: write an existing date as YYYY-MM-DD',
      },
    ]);
  });
});

describe('Y2 YAML 1.2 booleans', () => {
  it('fails autoRotate: yes on its line, saying true or false', () => {
    expect(briefs(checkFixture('yes-boolean.yaml'))).toEqual([
      {
        rule: 'NHI-010',
        at: `${IDENTITY}:18:7`,
        message:
          'credentials[0].rotation.autoRotate must be true or false, not "yes" (YAML 1.2 reads yes, no, on and off as text)',
      },
    ]);
  });
});

describe('Y3 leading zeros', () => {
  it('reads intervalDays: 030 as 30 and warns with NHI-004', () => {
    // Rotated 29 days before TODAY: within 30 days, but not within 24
    // (what an octal reading would give), so NHI-141 stays silent only if
    // the engine read thirty.
    const root = makeInventory({
      [IDENTITY]: fixture('identities/leading-zero-interval.yaml'),
    });
    const source = new FsSource(root);
    const loaded: Record<string, unknown>[] = [];
    const report = checkInventory(source, loadWorkspace(source), TODAY, {
      visit: (_file, doc) => loaded.push(doc),
    });

    const credentials = loaded[0]?.credentials as {
      rotation: { intervalDays: unknown };
    }[];
    expect(credentials[0]?.rotation.intervalDays).toBe(30);
    expect(briefs(report)).toEqual([
      {
        rule: 'NHI-004',
        at: `${IDENTITY}:17:21`,
        message:
          'credentials[0].rotation.intervalDays is written with a leading zero; it reads as 30, but some tools read it as octal: remove the zero',
      },
    ]);
    expect(report.findings[0]?.severity).toBe('warning');
  });
});

describe('Y4 merge keys', () => {
  it('refuses << with NHI-001 naming it and how to inline it', () => {
    expect(briefs(checkFixture('merge-key.yaml'))).toEqual([
      {
        rule: 'NHI-001',
        at: `${IDENTITY}:20:7`,
        message:
          'YAML merge keys ("<<") are not supported: copy the fields of the anchored mapping into this one and delete the "<<" line',
      },
    ]);
  });
});

describe('Y5 tabs', () => {
  it('reports a tab used for indentation at its line and column', () => {
    expect(briefs(checkFixture('tab-indent.yaml'))).toEqual([
      {
        rule: 'NHI-001',
        at: `${IDENTITY}:9:1`,
        message: 'a tab indents this line: indent with spaces, not tabs',
      },
    ]);
  });
});

describe('Y6 byte-order mark', () => {
  const text = fixture('identities/wrong-values-from-first-line.yaml');
  const expected = [
    {
      rule: 'NHI-010',
      at: `${IDENTITY}:1:11`,
      message:
        'system.provider "Google Cloud" has the wrong form: use lowercase letters, digits and hyphens',
    },
    {
      rule: 'NHI-130',
      at: `${IDENTITY}:12:5`,
      message: 'credentials[0].storage is missing',
    },
    {
      rule: 'NHI-140',
      at: `${IDENTITY}:12:5`,
      message:
        'credentials[0].rotation is missing: say how often the secret rotates (rotation.intervalDays)',
    },
    {
      rule: 'NHI-010',
      at: `${IDENTITY}:12:34`,
      message:
        'credentials[0].lastRotated "2026-02-30" is not a real date: write an existing date as YYYY-MM-DD',
    },
  ];

  it('gives the expected findings without a BOM', () => {
    expect(briefs(check({ [IDENTITY]: text }))).toEqual(expected);
  });

  it('gives exactly the same findings, same columns, with a BOM', () => {
    expect(briefs(check({ [IDENTITY]: BOM + text }))).toEqual(expected);
  });

  it('gives the same findings with a BOM and CRLF line ends', () => {
    const crlf = BOM + text.replace(/\n/g, '\r\n');
    expect(briefs(check({ [IDENTITY]: crlf }))).toEqual(expected);
  });
});

describe('Y7 not UTF-8', () => {
  const latin1 = (text: string) => Buffer.from(text, 'latin1');
  const zoe = 'identities/svc-billing-zoe-export.yaml';
  const zoeText = fixture('identities/clean-service-account.yaml')
    .replace('svc-billing-report-reader', 'svc-billing-zoe-export')
    .replace(
      'purpose: Reads billing reports for the monthly cost review.',
      'purpose: Rotated by Zo\u00eb from the billing team.',
    );

  it('names byte, line and column, and still checks the other file', () => {
    const report = check({
      [zoe]: latin1(zoeText),
      [IDENTITY]: fixture('identities/impossible-date.yaml'),
    });

    expect(briefs(report)).toEqual([
      {
        rule: 'NHI-010',
        at: `${IDENTITY}:15:5`,
        message:
          'credentials[0].lastRotated "2026-02-30" is not a real date: write an existing date as YYYY-MM-DD',
      },
      {
        rule: 'NHI-002',
        at: `${zoe}:4:23`,
        message:
          'byte 0xEB at line 4, column 23 is not UTF-8 (the file looks saved in another encoding, such as Latin-1): save it as UTF-8',
      },
    ]);
    expect(report.files).toEqual({ found: 2, checked: 2, skipped: [] });
  });

  it('gives no replacement character anywhere in the report', () => {
    const report = check({ [zoe]: latin1(zoeText) });
    expect(JSON.stringify(report.findings)).not.toContain('\uFFFD');
  });

  it('does not count a BOM as a column on the first line', () => {
    const text = `${BOM}purpose: Zo\u00eb\n`;
    const bytes = Buffer.concat([
      Buffer.from(BOM, 'utf8'),
      latin1(text.slice(1)),
    ]);
    expect(briefs(check({ [zoe]: bytes }))[0]?.at).toBe(`${zoe}:1:12`);
  });
});

describe('Y8 code points', () => {
  const policy = JSON.stringify({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    'x-nhi-rule': {
      id: 'NHI-900',
      name: 'display-name-short',
      severity: 'error',
      title: 'Display names fit on a badge',
      remediation: 'Shorten the display name to five characters.',
      controls: {},
    },
    properties: { displayName: { maxLength: 5 } },
  });
  const files = (displayName: string) => ({
    'nhi-policy.yaml': 'schemaVersion: 1\npolicies:\n  paths: [org-policies]\n',
    'org-policies/display-name-short.json': policy,
    [IDENTITY]: fixture('identities/emoji-display-name.yaml').replace(
      '"👩‍💻abc"',
      JSON.stringify(displayName),
    ),
  });

  it('fails "👩‍💻abc" (6 code points) and says the limit counts characters', () => {
    expect(briefs(check(files('👩‍💻abc')))).toEqual([
      {
        rule: 'NHI-900',
        at: `${IDENTITY}:4:1`,
        message:
          'displayName "👩‍💻abc" is 6 characters long; it must be at most 5 characters (characters are counted as Unicode code points: a letter is one, an emoji is one or more)',
      },
    ]);
  });

  it('passes "👩‍💻ab", which is exactly 5 code points', () => {
    expect(check(files('👩‍💻ab')).findings).toEqual([]);
  });

  it('keeps the emoji unchanged in text, JSON, SARIF and Markdown', () => {
    const report = check(files('👩‍💻abc'));
    const sarif = JSON.parse(renderSarif(report, '0.0.0')) as {
      runs: { results: { message: { text: string } }[] }[];
    };
    const json = JSON.parse(renderJson(report, 'error')) as {
      findings: { message: string }[];
    };

    expect(renderText(report, false)).toContain('displayName "👩‍💻abc" is 6');
    expect(json.findings[0]?.message).toContain('"👩‍💻abc"');
    expect(sarif.runs[0]?.results[0]?.message.text).toContain('"👩‍💻abc"');
    expect(renderMarkdown(report, 'error')).toContain('👩‍💻abc');
  });
});
