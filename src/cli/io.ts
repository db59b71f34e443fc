/** Where the CLI writes; injectable so tests can capture it. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  isTty: boolean;
  env: NodeJS.ProcessEnv;
}
