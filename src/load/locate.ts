import {
  LineCounter,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Node,
} from 'yaml';
import type { Position } from '../model/finding.js';
import { PARSE_LIMITS } from './parse.js';

/** Options that make `yaml` read a file exactly as the loader does. */
export const YAML_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  uniqueKeys: true,
  strict: true,
  maxAliasCount: PARSE_LIMITS.maxAliases,
} as const;

/** A parsed document that answers "where is this JSON pointer?". */
export interface Locator {
  locate(pointer: string): Position;
  /** Positions of plain scalars written with a leading zero, like `030`. */
  leadingZeroNumbers(): { pointer: string; position: Position }[];
}

/**
 * Parses a file that has findings a second time, keeping source ranges.
 * Only files that need positions pay for this; the document is dropped as
 * soon as the caller lets go of the locator.
 */
export function createLocator(text: string): Locator {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const first = doc.contents?.range?.[0] ?? 0;

  return {
    locate(pointer) {
      return at(offsetOf(doc.contents, splitPointer(pointer)) ?? first);
    },
    leadingZeroNumbers() {
      const found: { pointer: string; position: Position }[] = [];
      visitScalars(doc.contents, '', (node, pointer) => {
        const source = (node as { source?: string }).source;
        if (
          typeof node.value === 'number' &&
          typeof source === 'string' &&
          /^[-+]?0[0-9]+$/.test(source)
        ) {
          found.push({ pointer, position: at(node.range?.[0] ?? 0) });
        }
      });
      return found;
    },
  };
}

/**
 * Offset of the node at a pointer: a mapping value is placed at its key, so
 * that `owner:` with nothing after it is reported on the `owner:` line.
 * A pointer that runs past the document stops at the deepest node found.
 */
function offsetOf(node: unknown, segments: string[]): number | undefined {
  let current = node;
  let offset = rangeStart(node);
  for (const segment of segments) {
    if (isMap(current)) {
      const pair = current.items.find((p) => keyText(p.key) === segment);
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      current = pair.value;
    } else if (isSeq(current)) {
      const item = current.items[Number(segment)];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      current = item;
    } else {
      break;
    }
  }
  return offset;
}

function visitScalars(
  node: unknown,
  pointer: string,
  visit: (node: Node & { value: unknown }, pointer: string) => void,
): void {
  if (isScalar(node)) {
    visit(node, pointer);
  } else if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair)) {
        visitScalars(
          pair.value,
          `${pointer}/${escape(keyText(pair.key))}`,
          visit,
        );
      }
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) =>
      visitScalars(item, `${pointer}/${i}`, visit),
    );
  }
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function rangeStart(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | null)?.range?.[0];
}

/** Splits a JSON pointer into unescaped segments. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
