import type { CheckReport } from '../evaluate/check-inventory.js';
import type { Rule } from '../model/rule.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * SARIF 2.1.0 for code scanning: one run, every rule with its title, help
 * and mapped controls, results with repository-relative paths. Waived
 * findings are kept as suppressed results, so the audit trail stays.
 */
export function renderSarif(report: CheckReport, version: string): string {
  const index = new Map(report.rules.map((rule, i) => [rule.id, i]));
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'nhi-policy',
            semanticVersion: version,
            rules: report.rules.map(describeRule),
          },
        },
        results: report.findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId) ?? -1,
          level: f.severity,
          message: { text: `${f.message}. Fix: ${f.remediation}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: {
                  uri: encodeURI(f.file),
                  uriBaseId: '%SRCROOT%',
                },
                region: { startLine: f.line, startColumn: f.column },
              },
              ...(f.pointer
                ? {
                    logicalLocations: [
                      { fullyQualifiedName: f.pointer, kind: 'member' },
                    ],
                  }
                : {}),
            },
          ],
          partialFingerprints: {
            'nhiPolicy/v1': `${f.ruleId}:${f.file}:${f.pointer}`,
          },
          ...(f.waivedBy
            ? {
                suppressions: [
                  { kind: 'external', justification: `waiver ${f.waivedBy}` },
                ],
              }
            : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function describeRule(rule: Rule) {
  const controls = Object.entries(rule.controls).flatMap(([framework, ids]) =>
    (ids ?? []).map((id: string) => `${framework}:${id}`),
  );
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.title },
    help: { text: rule.remediation },
    defaultConfiguration: { level: rule.severity },
    properties: { tags: ['nhi', ...controls] },
  };
}
