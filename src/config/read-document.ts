import type { ValidateFunction } from 'ajv';
import { ConfigError } from '../model/config-error.js';
import { decodeUtf8 } from '../load/decode.js';
import { createLocator } from '../load/locate.js';
import { parseYaml } from '../load/parse.js';
import type { Source } from '../load/source.js';
import { describeError } from '../evaluate/describe-error.js';

const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/** A configuration file's content, and where its parts are written. */
export interface ConfigDocument {
  value: Record<string, unknown>;
  /** The line of the value at a JSON pointer, for errors found later. */
  lineOf(pointer: string): number;
}

/**
 * Reads a configuration-type YAML file (configuration, owners registry)
 * and validates it. Any problem is a ConfigError naming the file and line:
 * these files belong to the inventory's maintainers, so a mistake in one
 * stops the check instead of blaming an identity. Returns null if absent.
 */
export function readValidatedYaml(
  source: Source,
  file: string,
  validate: ValidateFunction,
  schema: Record<string, unknown>,
): ConfigDocument | null {
  let bytes: Buffer | null;
  try {
    bytes = source.readOptional(file, MAX_CONFIG_BYTES);
  } catch (error) {
    throw new ConfigError(
      `cannot read the file: ${(error as Error).message}`,
      file,
    );
  }
  if (bytes === null) return null;

  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    throw new ConfigError(
      `byte 0x${decoded.byte.toString(16)} at column ${decoded.position.column} is not UTF-8: save the file as UTF-8`,
      file,
      decoded.position.line,
    );
  }
  const parsed = parseYaml(decoded.text);
  if (!parsed.ok) {
    throw new ConfigError(parsed.problem.message, file, parsed.problem.line);
  }
  const lineOf = (pointer: string) =>
    createLocator(decoded.text).locate(pointer).line;
  if (!validate(parsed.value)) {
    const first = (validate.errors ?? []).find((e) => e.keyword !== 'if');
    if (first) {
      const { pointer, message } = describeError(first, schema);
      throw new ConfigError(message, file, lineOf(pointer));
    }
  }
  return { value: parsed.value, lineOf };
}
