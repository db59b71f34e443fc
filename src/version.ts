/** The product version, reported in SARIF and by `--version`. */
export const VERSION = '0.1.0';
