/** A mistake on the command line; the CLI prints usage and exits 2. */
export class UsageError extends Error {}
