import { createInterface } from 'node:readline/promises';

/** Asks one question at a time on a terminal, or reads piped answers. */
export interface Asker {
  /** Shows the question and returns the answer line, or null at the end. */
  ask(question: string): Promise<string | null>;
  /** Shows a line that is not a question (a hint, a problem). */
  tell(text: string): void;
  close(): void;
}

/**
 * An asker over an input stream. Lines are read through the interface's
 * iterator, so answers piped in ahead of their questions are kept in
 * order rather than lost.
 */
export function createAsker(
  input: NodeJS.ReadableStream,
  write: (text: string) => void,
): Asker {
  const lines = createInterface({ input, crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  return {
    async ask(question) {
      write(question);
      const next = await iterator.next();
      return next.done ? null : String(next.value).trim();
    },
    tell: (text) => write(`${text}\n`),
    close: () => lines.close(),
  };
}
