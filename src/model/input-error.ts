/**
 * A command refused what it was given: a person missing from the owners
 * registry, an id that breaks the naming rule, a file that already exists.
 * The message says what was wrong and what to do; the CLI prints it and
 * exits 2, without the usage text.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
