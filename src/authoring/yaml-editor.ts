import {
  Document,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Pair,
  type YAMLMap,
} from 'yaml';
import { YAML_OPTIONS } from '../load/locate.js';
import { InputError } from '../model/input-error.js';

/** A path into the document: mapping keys and sequence indexes. */
export type YamlPath = (string | number)[];

/** Plain values the editor writes: text, or a mapping of texts. */
export type YamlItem = Record<string, string>;

/** A mapping of texts and lists of texts, for a block added whole. */
export type YamlBlock = Record<string, string | string[]>;

/** Edits a YAML file's text in place, keeping every other byte as it was. */
export interface YamlEditor {
  /**
   * Sets a scalar. A missing key is added on its own line after the first
   * of `after` that exists in the mapping, else after its last key.
   */
  set(path: YamlPath, value: string, after?: readonly string[]): void;
  /** Appends a mapping to a block list, creating the list when missing. */
  append(path: YamlPath, item: YamlItem): void;
  /**
   * Adds a key that is missing, with a mapping as its value, on the lines
   * after the first of `after` that exists, else after the last key.
   */
  add(path: YamlPath, block: YamlBlock, after?: readonly string[]): void;
  /** The text with every edit so far. */
  text(): string;
}

interface TextEdit {
  start: number;
  end: number;
  insert: string;
}

/**
 * Opens a YAML text for editing. The `yaml` Document API (with the same
 * options as the loader) finds where each node is written; edits splice
 * new text in at those offsets, so comments, key order, quoting and line
 * breaks elsewhere stay byte for byte. Throws InputError for YAML it
 * cannot edit safely (flow-style collections, block scalars).
 */
export function editYaml(source: string): YamlEditor {
  let text = source;
  let doc = parse(text);
  // New lines follow the file's own line endings.
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const apply = (edit: TextEdit) => {
    const insert = edit.insert.replace(/\r?\n/g, eol);
    text = text.slice(0, edit.start) + insert + text.slice(edit.end);
    doc = parse(text);
  };
  return {
    set: (path, value, after = []) =>
      apply(setEdit(doc, text, path, value, after)),
    append: (path, item) => apply(appendEdit(doc, text, path, item)),
    add: (path, block, after = []) =>
      apply(addEdit(doc, text, path, block, after)),
    text: () => text,
  };
}

function parse(text: string): Document.Parsed {
  const doc = parseDocument(text, YAML_OPTIONS);
  const error = doc.errors[0];
  if (error)
    throw new InputError(`the file is not valid YAML: ${error.message}`);
  return doc;
}

function setEdit(
  doc: Document.Parsed,
  text: string,
  path: YamlPath,
  value: string,
  after: readonly string[],
): TextEdit {
  const map = mapAt(doc, path.slice(0, -1));
  const key = String(path.at(-1));
  const pair = pairOf(map, key);
  const scalar = renderScalar(value);
  if (pair === undefined) return insertPair(map, text, key, scalar, after);
  const node = pair.value;
  if (!isScalar(node) || !node.range || node.type?.startsWith('BLOCK')) {
    throw new InputError(
      `${describe(path)} is not a single value on one line: fix it by hand`,
    );
  }
  return { start: node.range[0], end: node.range[1], insert: scalar };
}

function insertPair(
  map: YAMLMap,
  text: string,
  key: string,
  scalar: string,
  after: readonly string[],
): TextEdit {
  return insertInMap(map, text, key, [`${key}: ${scalar}`], after);
}

function addEdit(
  doc: Document.Parsed,
  text: string,
  path: YamlPath,
  block: YamlBlock,
  after: readonly string[],
): TextEdit {
  const map = mapAt(doc, path.slice(0, -1));
  const key = String(path.at(-1));
  if (pairOf(map, key) !== undefined) {
    throw new InputError(`${describe(path)} is already in the file`);
  }
  const lines = new Document({ [key]: block }, YAML_OPTIONS)
    .toString({ lineWidth: 0, singleQuote: true })
    .split('\n')
    .filter((line) => line !== '');
  return insertInMap(map, text, key, lines, after);
}

/** Inserts lines (unindented) into a block mapping, at its indentation. */
function insertInMap(
  map: YAMLMap,
  text: string,
  key: string,
  lines: readonly string[],
  after: readonly string[],
): TextEdit {
  if (map.flow || map.items.length === 0) {
    throw new InputError(
      `cannot add ${key}: the mapping around it is written on one line ({ ... }); write it as one key per line`,
    );
  }
  const anchor =
    after.map((k) => pairOf(map, k)).find((p) => p !== undefined) ??
    map.items.at(-1);
  const pad = ' '.repeat(columnOf(text, rangeOf(map.items[0]?.key)[0]));
  const at = lineEndAfter(text, pairEnd(anchor));
  return insertLines(text, at, lines.map((l) => `${pad}${l}\n`).join(''));
}

function appendEdit(
  doc: Document.Parsed,
  text: string,
  path: YamlPath,
  item: YamlItem,
): TextEdit {
  const node = doc.getIn(path, true);
  if (node === undefined) return createList(doc, text, path, item);
  if (!isSeq(node)) throw new InputError(`${describe(path)} is not a list`);
  if (node.flow) {
    if (node.items.length > 0 || !node.range) {
      throw new InputError(
        `${describe(path)} is written on one line ([ ... ]); write one entry per line to let nhi-policy add to it`,
      );
    }
    const keyIndent = indentOfLine(text, node.range[0]);
    const lines = renderItem(item, keyIndent + 2).replace(/\n$/, '');
    // `key: []` becomes `key:` and the list below it, with no trailing space.
    let start = node.range[0];
    while (text[start - 1] === ' ') start -= 1;
    return { start, end: node.range[1], insert: `\n${lines}` };
  }
  const first = rangeOf(node.items[0])[0];
  const dash = text.lastIndexOf('-', first - 1);
  const indent = dash - lineStart(text, dash);
  const at = lineEndAfter(text, rangeOf(node.items.at(-1))[1]);
  return insertLines(text, at, renderItem(item, indent));
}

function createList(
  doc: Document.Parsed,
  text: string,
  path: YamlPath,
  item: YamlItem,
): TextEdit {
  const map = mapAt(doc, path.slice(0, -1));
  if (map.flow || map.items.length === 0) {
    throw new InputError(`cannot add ${describe(path)} to this file`);
  }
  const indent = columnOf(text, rangeOf(map.items[0]?.key)[0]);
  const at = lineEndAfter(text, pairEnd(map.items.at(-1)));
  const key = `${' '.repeat(indent)}${String(path.at(-1))}:\n`;
  return insertLines(text, at, key + renderItem(item, indent + 2));
}

function mapAt(doc: Document.Parsed, path: YamlPath): YAMLMap {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(node)) {
    throw new InputError(`${describe(path)} is missing or is not a mapping`);
  }
  return node;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find(
    (p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key,
  );
}

function renderScalar(value: string): string {
  return new Document(value, YAML_OPTIONS)
    .toString({ lineWidth: 0, singleQuote: true })
    .trimEnd();
}

function renderItem(item: YamlItem, indent: number): string {
  const pad = ' '.repeat(indent);
  return new Document([item], YAML_OPTIONS)
    .toString({ lineWidth: 0, singleQuote: true })
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => `${pad}${line}\n`)
    .join('');
}

/** Inserts whole lines; a file without a final newline gets one first. */
function insertLines(text: string, at: number, lines: string): TextEdit {
  const gap = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return { start: at, end: at, insert: gap + lines };
}

function pairEnd(pair: Pair | undefined): number {
  const value = pair?.value as { range?: number[] } | null | undefined;
  return value?.range?.[1] ?? rangeOf(pair?.key)[1];
}

function rangeOf(node: unknown): [number, number] {
  const range = (node as { range?: number[] } | null | undefined)?.range;
  if (!range)
    throw new InputError('the file has a node nhi-policy cannot place');
  return [range[0] ?? 0, range[1] ?? 0];
}

/** The start of the line after the one holding `offset - 1`. */
function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentOfLine(text: string, offset: number): number {
  const start = lineStart(text, offset);
  return /^ */.exec(text.slice(start))?.[0].length ?? 0;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

function describe(path: YamlPath): string {
  return path.length === 0 ? 'the file' : path.join('.');
}
