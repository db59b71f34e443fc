import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { isMap, parseDocument, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/load/decode.js';
import { YAML_OPTIONS } from '../../src/load/locate.js';
import { parseYaml } from '../../src/load/parse.js';
import { generateIdentities } from '../helpers/generate-yaml.js';
import { FIXTURES, IDENTITY, briefs, check } from '../helpers/inventory.js';

/*
 * The engine loads every file with js-yaml and re-reads only the files with
 * findings with `yaml`, for positions. That is sound only if both read
 * every file the same way: the same value, or both refuse it.
 */

const REPO = path.resolve(import.meta.dirname, '../..');

type Reading = { ok: true; value: unknown } | { ok: false };

/** The engine's loader: js-yaml through parseYaml. */
function readWithJsYaml(text: string): Reading {
  const parsed = parseYaml(text);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false };
}

/**
 * The position parser with the engine's exact options. It refuses what the
 * engine documents as refused: any error or warning, a top level that is
 * not a mapping, and merge keys (read as a plain `<<` key with merge off).
 */
function readWithYaml(text: string): Reading {
  const doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return { ok: false };
  let mergeKey = false;
  visit(doc, {
    Pair(_key, pair) {
      if ((pair.key as { value?: unknown } | null)?.value === '<<') {
        mergeKey = true;
      }
    },
  });
  if (mergeKey || !isMap(doc.contents)) return { ok: false };
  try {
    return {
      ok: true,
      value: doc.toJS({ maxAliasCount: YAML_OPTIONS.maxAliasCount }),
    };
  } catch {
    return { ok: false };
  }
}

/**
 * YAML files below a folder, as [repository-relative name, decoded text].
 * A file that is not UTF-8 is left out: the engine refuses it before
 * either parser runs.
 */
function yamlFiles(dir: string): [string, string][] {
  if (!existsSync(dir)) return [];
  const files: [string, string][] = [];
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  for (const name of names.filter((n) => /\.ya?ml$/i.test(n)).sort()) {
    const decoded = decodeUtf8(readFileSync(path.join(dir, name)));
    if (decoded.ok) {
      files.push([path.relative(REPO, path.join(dir, name)), decoded.text]);
    }
  }
  return files;
}

function expectAgreement(text: string): Reading {
  const fromJsYaml = readWithJsYaml(text);
  expect(readWithYaml(text)).toStrictEqual(fromJsYaml);
  return fromJsYaml;
}

const examples = yamlFiles(path.join(REPO, 'examples'));
const fixtures = yamlFiles(FIXTURES);
const generated = generateIdentities(300);

describe('js-yaml and yaml read every file alike', () => {
  it.skipIf(examples.length === 0).each(examples)('example %s', (_, text) => {
    expectAgreement(text);
  });

  it.each(fixtures)('fixture %s', (_name, text) => {
    expectAgreement(text);
  });

  it('300 generated identity documents', () => {
    const accepted = generated.filter(
      ({ text }) => expectAgreement(decode(text)).ok,
    );
    // Most must load, or the comparison would prove little.
    expect(accepted.length).toBeGreaterThan(240);
  });

  it('would catch a parser that read YAML 1.1 instead', () => {
    const differ = generated.filter(({ text }) => {
      const ours = readWithJsYaml(decode(text));
      const doc = parseDocument(decode(text), { version: '1.1' });
      return ours.ok && !isDeepStrictEqual(ours.value, doc.toJS());
    });
    expect(differ.length).toBeGreaterThan(100);
  });

  it('refuses the case fixtures that must be refused, on both paths', () => {
    const refused = fixtures
      .filter(([, text]) => !readWithJsYaml(text).ok)
      .map(([name]) => path.basename(name));
    expect(refused).toEqual([
      'comments-only.yaml',
      'duplicate-key.yaml',
      'empty.yaml',
      'merge-key.yaml',
      'tab-indent.yaml',
      'two-documents.yaml',
      'unknown-tag.yaml',
    ]);
  });
});

describe('parser limits hold on both paths', () => {
  it('refuses more than 100 aliases on both', () => {
    const bomb = `a: &a [x, x, x]\nb: [${Array(101).fill('*a').join(', ')}]\n`;
    expect(readWithJsYaml(bomb)).toEqual({ ok: false });
    expect(readWithYaml(bomb)).toEqual({ ok: false });
  });

  it('accepts 100 aliases of a scalar on both', () => {
    const text = `a: &a x\nb: [${Array(99).fill('*a').join(', ')}]\n`;
    expect(expectAgreement(text).ok).toBe(true);
  });
});

describe('where the libraries differ, the engine still agrees', () => {
  it('a null key: js-yaml names it "null", the locator finds it there', () => {
    // yaml's toJS would name it "", but the locator matches keys by their
    // text, so the finding lands on the line of the `~:` key.
    const text = readFileSync(
      path.join(FIXTURES, 'identities/clean-service-account.yaml'),
      'utf8',
    ).replace('status: active', 'status: active\n~: stray value');
    expect(readWithJsYaml(text)).toMatchObject({
      value: { null: 'stray value' },
    });
    expect(briefs(check({ [IDENTITY]: text }))).toEqual([
      {
        rule: 'NHI-010',
        at: `${IDENTITY}:6:1`,
        message: expect.stringMatching(
          /^the file has an unknown field "null"; /,
        ),
      },
    ]);
  });
});

/** What the engine does to a file's bytes before either parser sees it. */
function decode(text: string): string {
  const decoded = decodeUtf8(Buffer.from(text, 'utf8'));
  if (!decoded.ok) throw new Error('generated text is not UTF-8');
  return decoded.text;
}
