import type { Position } from '../model/finding.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export type Decoded =
  { ok: true; text: string } | { ok: false; byte: number; position: Position };

/**
 * Decodes strict UTF-8, dropping a leading byte-order mark. On a bad byte it
 * returns the byte's value and where it sits, instead of replacing it.
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const lineStart = prefix.lastIndexOf('\n') + 1;
    const line = countLines(prefix);
    const column =
      prefix.length - lineStart + 1 - (line === 1 ? bomLength(prefix) : 0);
    return { ok: false, byte: bytes[offset] ?? 0, position: { line, column } };
  }
}

function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lines++;
  }
  return lines;
}

/** Offset of the first byte that does not start or continue valid UTF-8. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  if (lead < 0x80) return 1;
  const [length, min, max] =
    lead >= 0xc2 && lead <= 0xdf
      ? [2, 0x80, 0xbf]
      : lead === 0xe0
        ? [3, 0xa0, 0xbf]
        : lead === 0xed
          ? [3, 0x80, 0x9f]
          : lead >= 0xe1 && lead <= 0xef
            ? [3, 0x80, 0xbf]
            : lead === 0xf0
              ? [4, 0x90, 0xbf]
              : lead === 0xf4
                ? [4, 0x80, 0x8f]
                : lead >= 0xf1 && lead <= 0xf3
                  ? [4, 0x80, 0xbf]
                  : [0, 0, 0];
  if (length === 0) return 0;
  // The second byte has the narrowed range; the rest are plain continuations.
  const second = bytes[i + 1] ?? -1;
  if (second < min || second > max) return 0;
  for (let k = 2; k < length; k++) {
    const b = bytes[i + k] ?? -1;
    if (b < 0x80 || b > 0xbf) return 0;
  }
  return length;
}
