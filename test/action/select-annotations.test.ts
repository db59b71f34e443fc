import { describe, expect, it } from 'vitest';
import { selectAnnotations } from '../../src/action/select-annotations.js';
import type { Finding, Severity } from '../../src/model/finding.js';

function finding(severity: Severity, n: number, waivedBy?: string): Finding {
  return {
    ruleId: 'NHI-130',
    severity,
    file: `identities/f${String(n).padStart(2, '0')}.yaml`,
    line: 3,
    column: 5,
    pointer: '/x',
    message: `problem ${n}`,
    remediation: 'fix it',
    ...(waivedBy ? { waivedBy } : {}),
  };
}

const RULES = [
  {
    id: 'NHI-130',
    name: 'storage-approved',
    severity: 'error' as const,
    title: 'Every stored secret lives in an approved vault',
    remediation: 'fix it',
    controls: {},
  },
];

describe('selectAnnotations', () => {
  it('keeps everything when it fits, most severe first, waived left out', () => {
    const picked = selectAnnotations(
      [
        finding('note', 1),
        finding('error', 2),
        finding('warning', 3, 'w.yaml'),
      ],
      RULES,
      30,
    );

    expect(picked).toEqual([
      {
        level: 'error',
        title: 'NHI-130: Every stored secret lives in an approved vault',
        message: 'problem 2\nFix: fix it',
        file: 'identities/f02.yaml',
        line: 3,
        column: 5,
      },
      expect.objectContaining({ level: 'notice', file: 'identities/f01.yaml' }),
    ]);
  });

  it('holds each level to 10 and keeps a notice slot for the rest', () => {
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => finding('note', i)),
      ...Array.from({ length: 3 }, (_, i) => finding('warning', 20 + i)),
      ...Array.from({ length: 11 }, (_, i) => finding('error', 40 + i)),
    ];
    const levels = selectAnnotations(findings, RULES, 30).map((a) => a.level);

    expect(levels).toEqual([
      ...Array(10).fill('error'),
      ...Array(3).fill('warning'),
      ...Array(10).fill('notice'),
    ]);
    expect(selectAnnotations(findings, RULES, 30).at(-1)?.message).toBe(
      '…and 4 more findings: see the job summary for the full list.',
    );
  });

  it('writes none at all with max 0', () => {
    expect(selectAnnotations([finding('error', 1)], RULES, 0)).toEqual([]);
  });
});
