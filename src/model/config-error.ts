/**
 * A problem with the configuration, a policy or the owners registry: the
 * people who maintain the inventory must fix it, not the author of an
 * identity. The check stops with exit code 2 and names the file.
 */
export class ConfigError extends Error {
  file: string | undefined;
  line: number | undefined;

  constructor(message: string, file?: string, line?: number) {
    super(message);
    this.name = 'ConfigError';
    this.file = file;
    this.line = line;
  }

  /** The message with its place, as `file:line: message`. */
  describe(): string {
    if (this.file === undefined) return this.message;
    const place = this.line ? `${this.file}:${this.line}` : this.file;
    return `${place}: ${this.message}`;
  }
}
