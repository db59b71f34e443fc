import type { Severity } from './finding.js';

/** Standards a rule helps to meet, by framework. */
export interface Controls {
  cis?: string[];
  pciDss?: string[];
  nist?: string[];
  soc2?: string[];
}

/** Which identities a rule looks at; a missing list means all. */
export interface AppliesTo {
  kinds?: string[];
  environments?: string[];
  statuses?: string[];
}

/** What every rule says about itself, whether a policy file or code. */
export interface Rule {
  id: string;
  name: string;
  severity: Severity;
  title: string;
  remediation: string;
  controls: Controls;
  runbookStep?: string;
  appliesTo?: AppliesTo;
}
