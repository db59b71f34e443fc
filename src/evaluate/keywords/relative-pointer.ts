import type { DataValidationCxt } from 'ajv/dist/types/index.js';
import { splitPointer } from '../../load/locate.js';

/**
 * Resolves a relative JSON pointer such as `1/rotation/intervalDays` from
 * the value being validated: go up one level, then down the path.
 */
export function resolveRelativePointer(
  cxt: DataValidationCxt | undefined,
  relative: string,
): unknown {
  if (!cxt) return undefined;
  const slash = relative.indexOf('/');
  const up = Number(slash === -1 ? relative : relative.slice(0, slash));
  const down = slash === -1 ? [] : splitPointer(relative.slice(slash));
  const here = splitPointer(cxt.instancePath);
  if (up > here.length) return undefined;

  let value: unknown = cxt.rootData;
  for (const segment of [...here.slice(0, here.length - up), ...down]) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
