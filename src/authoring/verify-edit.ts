import { isDeepStrictEqual } from 'node:util';
import { parseYaml } from '../load/parse.js';

/**
 * Confirms that an edited text reads, with the loader the check uses, as
 * the original document with exactly the intended change. Throws an Error
 * (a bug, not a user mistake) when it does not, so nothing is written.
 */
export function verifyEdit(
  before: Record<string, unknown>,
  text: string,
  change: (doc: Record<string, unknown>) => void,
): void {
  const expected = structuredClone(before);
  change(expected);
  const parsed = parseYaml(text);
  if (!parsed.ok || !isDeepStrictEqual(parsed.value, expected)) {
    throw new Error(
      'nhi-policy produced an edit that does not read back as intended; the file was not changed. Please report this with the file.',
    );
  }
}
