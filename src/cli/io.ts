/** Where the CLI writes; injectable so tests can capture it. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  isTty: boolean;
  env: NodeJS.ProcessEnv;
  /** Where `new` reads answers from; absent means no questions can be asked. */
  input?: NodeJS.ReadableStream;
}
