import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, copyExamples, TODAY } from '../runbook/example-inventory.js';

describe('nhi-policy new (bundle)', () => {
  it('reads piped answers and exits with the code of the outcome', () => {
    const root = copyExamples();
    const answers = [
      'bot',
      'bot-release-notes',
      'Drafts release notes from merged pull requests.',
      'development',
      'requested',
      'github',
      'acme',
      '',
      'release-engineering',
      'fatima-haddad',
      'read',
      'contents: read on acme/app',
      '',
      '',
      '1',
      'kv/github/bot-release-notes',
      '',
      '',
      '',
      '',
    ];
    const result = spawnSync(
      process.execPath,
      [CLI, 'new', root, '--today', TODAY],
      {
        input: answers.join('\n') + '\n',
        encoding: 'utf8',
      },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'Wrote identities/release-engineering/bot-release-notes.yaml.',
    );
    const text = readFileSync(
      path.join(root, 'identities/release-engineering/bot-release-notes.yaml'),
      'utf8',
    );
    expect(text).toContain('  - id: token\n    type: token\n');
    expect(text).toContain('      intervalDays: 365\n');
  });
});
