/**
 * Shapes of credentials that must never be committed. Every repetition is
 * bounded, so that one huge word in a file costs linear time to scan. Each is anchored on a
 * vendor's documented prefix or structure, so ordinary ids, paths and role
 * names do not match.
 */
export const SECRET_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  {
    name: 'private key block',
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/,
  },
  {
    name: 'GitHub token',
    pattern:
      /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})\b/,
  },
  { name: 'GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,255}\b/ },
  { name: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,255}\b/ },
  {
    name: 'Slack webhook',
    pattern:
      /hooks\.slack\.com\/services\/T[A-Z0-9]{1,20}\/B[A-Z0-9]{1,20}\/[A-Za-z0-9]{20,64}/,
  },
  {
    name: 'AWS access key id',
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/,
  },
  { name: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  {
    name: 'Google service-account key',
    pattern: /"private_key_id"\s*:\s*"[0-9a-f]{40}"/,
  },
  {
    name: 'Stripe key',
    pattern: /\b[rs]k_(?:live|test)_[0-9A-Za-z]{20,255}\b/,
  },
  { name: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { name: 'PyPI token', pattern: /\bpypi-AgE[A-Za-z0-9_-]{50,512}\b/ },
  {
    name: 'SendGrid key',
    pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/,
  },
  { name: 'OpenAI key', pattern: /\bsk-(?:proj-)?[A-Za-z0-9_-]{32,255}\b/ },
  {
    name: 'JSON web token',
    pattern:
      /\beyJ[A-Za-z0-9_-]{10,1024}\.eyJ[A-Za-z0-9_-]{10,1024}\.[A-Za-z0-9_-]{10,1024}/,
  },
  {
    name: 'password in a URL',
    pattern:
      /\b[A-Za-z][A-Za-z0-9+.-]{1,30}:\/\/[^\s/:@]{1,256}:[^\s/@]{3,256}@/,
  },
];

/** One regular expression that finds any of the shapes in a whole file. */
export const ANY_SECRET = new RegExp(
  SECRET_PATTERNS.map((p) => `(${p.pattern.source})`).join('|'),
  'g',
);

/**
 * Literals that every shape above contains (the URL shape by its
 * `://user:password@` tail). A text that holds none of them cannot match
 * ANY_SECRET, so most files skip the alternation. Keep in step with
 * SECRET_PATTERNS.
 */
export const SECRET_NEEDLES =
  /-----BEGIN |gh[pousr]_|github_pat_|glpat-|xox[abposr]-|hooks\.slack\.com\/services\/|AKIA|ASIA|ABIA|ACCA|AIza|"private_key_id"|k_live_|k_test_|npm_|pypi-AgE|SG\.|sk-|eyJ|:\/\/[^\s/:@]{1,256}:[^\s/@]{3,256}@/;
