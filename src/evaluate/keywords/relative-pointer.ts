import type { DataValidationCxt } from 'ajv/dist/types/index.js';
import { splitPointer } from '../../load/locate.js';

interface RelativePointer {
  up: number;
  down: string[];
}

/** Policies use a handful of pointers; each is split once. */
const parsed = new Map<string, RelativePointer>();

/**
 * Resolves a relative JSON pointer such as `1/rotation/intervalDays` from
 * the value being validated: go up one level, then down the path.
 */
export function resolveRelativePointer(
  cxt: DataValidationCxt | undefined,
  relative: string,
): unknown {
  if (!cxt) return undefined;
  const { up, down } = parse(relative);
  // One level up is the parent Ajv already holds.
  if (up === 1 && cxt.parentData !== undefined) {
    return descend(cxt.parentData, down);
  }
  const here = splitPointer(cxt.instancePath);
  if (up > here.length) return undefined;
  return descend(cxt.rootData, [...here.slice(0, here.length - up), ...down]);
}

function parse(relative: string): RelativePointer {
  let pointer = parsed.get(relative);
  if (!pointer) {
    const slash = relative.indexOf('/');
    pointer = {
      up: Number(slash === -1 ? relative : relative.slice(0, slash)),
      down: slash === -1 ? [] : splitPointer(relative.slice(slash)),
    };
    parsed.set(relative, pointer);
  }
  return pointer;
}

function descend(start: unknown, path: readonly string[]): unknown {
  let value = start;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
