import type { Rule } from '../model/rule.js';

const FILE_CONTROLS = { nist: ['CM-3'], soc2: ['CC8.1'] };

function rule(
  id: string,
  name: string,
  severity: Rule['severity'],
  title: string,
  remediation: string,
  controls: Rule['controls'],
  runbookStep?: string,
): Rule {
  return {
    id,
    name,
    severity,
    title,
    remediation,
    controls,
    ...(runbookStep ? { runbookStep } : {}),
  };
}

/**
 * Rules that JSON Schema cannot express: reading the file, and facts that
 * span several files. Their ids are as stable as the policy files' ids.
 */
export const CODE_RULES = {
  yamlSyntax: rule(
    'NHI-001',
    'yaml-syntax',
    'error',
    'File is one well-formed YAML document',
    'Fix the YAML at the line shown: indent with spaces, write each key once, keep one identity per file. An editor with the YAML extension shows the problem as you type.',
    FILE_CONTROLS,
  ),
  fileEncoding: rule(
    'NHI-002',
    'file-encoding',
    'error',
    'File is saved as UTF-8',
    'Open the file in an editor and save it with the encoding "UTF-8"; then check that the character at the position shown reads as intended.',
    FILE_CONTROLS,
  ),
  fileRefused: rule(
    'NHI-003',
    'file-refused',
    'error',
    'Identity files are plain files inside the inventory',
    'Replace the link or submodule with a regular file holding the identity, inside the inventory folder, and keep files under the size limit.',
    { nist: ['CM-3', 'SI-7'], soc2: ['CC8.1'] },
  ),
  leadingZero: rule(
    'NHI-004',
    'number-leading-zero',
    'warning',
    'Numbers are written without a leading zero',
    'Remove the leading zero (write 30, not 030). YAML 1.2 reads 030 as thirty, but older tools read it as octal twenty-four.',
    FILE_CONTROLS,
  ),
  deletionNotRetired: rule(
    'NHI-105',
    'deletion-not-retired',
    'error',
    'Only retired identities are deleted from the inventory',
    'Keep the file and retire the identity first: set status to decommissioned and record deprovisioning.completedOn (or, for a deprecated identity, wait until its sunset date and record completedOn). Delete the file in a later pull request.',
    { cis: ['CIS Controls v8 5.3'], nist: ['AC-2', 'CM-3'], soc2: ['CC6.2'] },
    'deprovisioning',
  ),
  idMatchesFile: rule(
    'NHI-102',
    'id-matches-file',
    'error',
    "Identity id equals the file's name",
    'Rename the file to the id followed by .yaml, or change the id to match the file name.',
    { nist: ['IA-4'], soc2: ['CC6.1'] },
    'creation',
  ),
  idUnique: rule(
    'NHI-103',
    'id-unique',
    'error',
    'Each identity id is used once',
    'Give one of the two identities a different id (and file name); two files may not describe the same identity.',
    { cis: ['CIS Controls v8 5.1'], nist: ['IA-4'], soc2: ['CC6.1'] },
    'creation',
  ),
  secretInFile: rule(
    'NHI-131',
    'secret-in-file',
    'error',
    'No secret value is written in the repository',
    'Treat the secret as leaked: revoke it now following the "suspected leak" checklist, store the new one in the vault, and write only its location under storage. Removing the line does not remove it from git history.',
    {
      cis: ['CIS Controls v8 3.11', 'CIS Controls v8 16.4'],
      pciDss: ['3.5.1', '8.3.2'],
      nist: ['IA-5(7)', 'SC-28'],
      soc2: ['CC6.1'],
    },
    'storage',
  ),
  sharedSecret: rule(
    'NHI-132',
    'shared-secret-location',
    'error',
    'No two credentials share one secret location',
    'Give each credential its own path in the vault, so that rotating or revoking one never breaks another identity.',
    { pciDss: ['8.2.2'], nist: ['IA-5', 'AC-2'], soc2: ['CC6.1'] },
    'storage',
  ),
  ownerTeamKnown: rule(
    'NHI-151',
    'owner-team-known',
    'error',
    'The owning team exists in the owners registry',
    'Use a team key from owners.yaml, or add the team there first (with its members and escalation contacts).',
    { cis: ['CIS Controls v8 5.1'], nist: ['AC-2'], soc2: ['CC6.2'] },
    'ownership',
  ),
  ownerPersonKnown: rule(
    'NHI-152',
    'owner-person-known',
    'error',
    'The accountable person exists and belongs to the owning team',
    'Use a person key from owners.yaml who is a member of the owning team, or add them to the team there.',
    { cis: ['CIS Controls v8 5.1'], nist: ['AC-2'], soc2: ['CC6.2'] },
    'ownership',
  ),
  waiverInvalid: rule(
    'NHI-200',
    'waiver-invalid',
    'error',
    'Waivers are well-formed and name a real rule and identity',
    'Fix the waiver file as the message says; a waiver needs a rule id, an identity id, a reason, an approver and an expiry date.',
    { nist: ['CA-7'], soc2: ['CC3.2'] },
  ),
  waiverExpired: rule(
    'NHI-201',
    'waiver-expired',
    'warning',
    'Expired waivers are renewed or removed',
    'The rule applies again. Fix the identity, or renew the waiver with a new expiry date and a fresh approval, or delete the waiver file.',
    { nist: ['CA-7'], soc2: ['CC3.2'] },
  ),
  runbookStale: rule(
    'NHI-210',
    'runbook-stale',
    'warning',
    'Generated runbooks match their identity files',
    'Regenerate the runbooks with "nhi-policy runbook" (or ask an engineer to) and commit the pages it writes in the same pull request. Never edit a generated page by hand: change the identity file instead.',
    { nist: ['SA-5', 'CM-3'], soc2: ['CC2.2'] },
    'audit',
  ),
} as const;

/** Rule ids that no waiver can switch off. */
export const UNWAIVABLE = new Set([
  'NHI-001',
  'NHI-002',
  'NHI-003',
  'NHI-131',
  'NHI-200',
]);
