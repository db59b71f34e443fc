// Builds the committed bundles in dist/ with ncc: one self-contained ES
// module per entry point, so the Action and the CLI run with no install.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
  mkdirSync,
  readFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ENTRIES = [
  { source: 'src/index.ts', output: 'index.js' },
  { source: 'src/cli.ts', output: 'cli.js' },
];

mkdirSync('dist', { recursive: true });
for (const { source, output } of ENTRIES) {
  if (!existsSync(source)) continue;
  const out = mkdtempSync(path.join(tmpdir(), 'nhi-bundle-'));
  execFileSync(
    process.execPath,
    [
      'node_modules/@vercel/ncc/dist/ncc/cli.js',
      'build',
      source,
      '-o',
      out,
      '--target',
      'es2022',
      '-q',
    ],
    { stdio: 'inherit' },
  );
  const code = readFileSync(path.join(out, 'index.js'), 'utf8');
  writeFileSync(path.join('dist', output), code);
  rmSync(out, { recursive: true, force: true });
}
writeFileSync('dist/package.json', '{\n  "type": "module"\n}\n');
