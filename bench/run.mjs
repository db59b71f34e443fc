#!/usr/bin/env node
// `npm run bench`: the full check next to a bare parse-and-validate loop,
// over the same generated inventories, in one run. See bench/README.md.
//
//   npm run bench [-- --runs N] [--large] [--sizes 1000,10000] [--seed N]
//                 [--keep] [--dir DIR] [--cli NAME=PATH ...]
//
// For each size it generates an inventory (bench/generate.mjs, fixed seed),
// then runs, as separate child processes in rotating order, N times each:
//
//   full  node dist/cli.js check DIR --today 2026-12-01 --format json --output F
//   bare  node bench/bare-loop.mjs DIR
//
// (plus any --cli build, run like full). Each child is started with
// `--import bench/peak-memory.mjs`, which records its peak RSS and CPU time.
// Wall time is measured around the child, start-up included. The table
// shows medians, and the full check's rate as a share of the bare loop's:
// bare median ms / full median ms, and the median of the same ratio over
// back-to-back pairs. The first report of each check is verified: every
// finding has a line and column >= 1, every file broken on purpose has a
// finding of the expected rule; findings on clean files are a warning.
//
// Sizes are 1k and 10k; --large adds 100k (generation and the runs then take
// several minutes and about 400 MB of disk). Machines are noisy: read the
// medians and the ratios, never a single run. The exit code is non-zero only
// when the run itself failed (a child crashed, a report is missing or wrong,
// a finding has no position), never because of speed.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate, TODAY } from './generate.mjs';

const bench = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(bench, '..');
const CLI = path.join(repo, 'dist/cli.js');
const BARE = path.join(bench, 'bare-loop.mjs');
const PEAK = pathToFileURL(path.join(bench, 'peak-memory.mjs')).href;

function parseArgs(argv) {
  const args = {
    runs: 5,
    sizes: [1000, 10000],
    seed: 1,
    keep: false,
    dir: null,
    clis: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--runs') args.runs = Number(argv[++i]);
    else if (flag === '--large') args.large = true;
    else if (flag === '--sizes') args.sizes = argv[++i].split(',').map(Number);
    else if (flag === '--seed') args.seed = Number(argv[++i]);
    else if (flag === '--keep') args.keep = true;
    else if (flag === '--dir') args.dir = argv[++i];
    else if (flag === '--cli') {
      // Another build of the CLI to measure beside the committed one,
      // e.g. --cli opt=scratch/opt/dist/cli.js
      const [name, file] = argv[++i].split('=');
      if (!name || !file) throw new Error('--cli takes NAME=PATH');
      args.clis.push([name, path.resolve(file)]);
    } else throw new Error(`unknown argument ${flag}`);
  }
  if (args.large && !args.sizes.includes(100000)) args.sizes.push(100000);
  args.clis.unshift(['full', CLI]);
  if (!Number.isInteger(args.runs) || args.runs < 1) {
    throw new Error('--runs must be a positive integer');
  }
  if (args.sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error('--sizes takes positive integers, e.g. 1000,10000');
  }
  return args;
}

/** Runs one child process; returns wall ms, CPU ms and peak RSS in MB. */
function measure(argv, peakFile) {
  rmSync(peakFile, { force: true });
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', PEAK, ...argv], {
    env: { ...process.env, NHI_BENCH_PEAK_FILE: peakFile },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const usage = existsSync(peakFile)
    ? JSON.parse(readFileSync(peakFile, 'utf8'))
    : { maxRssKb: NaN, cpuMs: NaN };
  return {
    ms,
    cpuMs: usage.cpuMs,
    peakMb: usage.maxRssKb / 1024,
    status: child.status,
    signal: child.signal,
    stdout: child.stdout.toString('utf8'),
    stderr: child.stderr.toString('utf8'),
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Checks the full check's JSON report against the generator's manifest. */
function verify(report, manifest) {
  const problems = [];
  const notes = [];
  if (report.files?.checked !== manifest.files) {
    problems.push(
      `checked ${report.files?.checked} files; the inventory has ${manifest.files}`,
    );
  }
  const unplaced = report.findings.filter(
    (f) =>
      !Number.isInteger(f.line) ||
      !Number.isInteger(f.column) ||
      f.line < 1 ||
      f.column < 1,
  );
  if (unplaced.length > 0) {
    problems.push(
      `${unplaced.length} findings lack a line or column >= 1, e.g. ${JSON.stringify(unplaced[0])}`,
    );
  }
  const byFile = new Map();
  for (const f of report.findings) {
    if (!byFile.has(f.file)) byFile.set(f.file, []);
    byFile.get(f.file).push(f);
  }
  const missed = manifest.broken.filter(
    (b) => !(byFile.get(b.file) ?? []).some((f) => f.ruleId === b.rule),
  );
  if (missed.length > 0) {
    problems.push(
      `${missed.length} of ${manifest.broken.length} broken files lack the expected finding, e.g. ` +
        missed
          .slice(0, 3)
          .map((b) => `${b.file} (${b.breakage}, ${b.rule})`)
          .join(', '),
    );
  }
  const brokenFiles = new Set(manifest.broken.map((b) => b.file));
  const stray = report.findings.filter((f) => !brokenFiles.has(f.file));
  if (stray.length > 0) {
    // The generator and the policy pack have drifted apart: worth fixing,
    // but the timings are still comparable.
    notes.push(
      `warning: ${stray.length} findings on files generated clean, e.g. ` +
        `${stray[0].file} ${stray[0].ruleId}: ${stray[0].message}`,
    );
  }
  return {
    problems,
    notes,
    findings: report.findings.length,
    brokenWithFinding: manifest.broken.length - missed.length,
  };
}

function pad(text, width, right = false) {
  const s = String(text);
  return right ? s.padStart(width) : s.padEnd(width);
}

function printTable(rows) {
  const header = [
    'size',
    'tool',
    'median ms',
    'min-max ms',
    'identities/s',
    'cpu ms',
    'peak MB',
    'rate vs bare',
    'paired',
  ];
  const body = rows.map((r) => [
    r.size,
    r.tool,
    r.medianMs.toFixed(0),
    `${r.minMs.toFixed(0)}-${r.maxMs.toFixed(0)}`,
    Math.round(r.rate),
    r.cpuMs.toFixed(0),
    r.peakMb.toFixed(1),
    r.ratio === undefined ? '' : r.ratio.toFixed(2),
    r.paired === undefined ? '' : r.paired.toFixed(2),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((b) => String(b[i]).length)),
  );
  const line = (cells) =>
    cells.map((c, i) => pad(c, widths[i], i !== 1)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}

/** Prints the verification of one report; returns false on a failure. */
function printVerification(name, check, manifest) {
  const status = check.problems.length === 0 ? 'PASS' : 'FAIL';
  const placed = !check.problems.some((p) => p.includes('lack a line'));
  console.log(
    `${name} report ${status}: ${check.findings} findings, every one with line and column >= 1: ` +
      `${placed ? 'yes' : 'NO'}; ${check.brokenWithFinding}/${manifest.broken.length} ` +
      'broken files have the expected finding',
  );
  for (const p of check.problems) console.log(`  FAIL: ${p}`);
  for (const n of check.notes) console.log(`  ${n}`);
  return check.problems.length === 0;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} is missing: run npm run bundle first`);
  }
  const work = args.dir
    ? path.resolve(args.dir)
    : mkdtempSync(path.join(os.tmpdir(), 'nhi-bench-'));
  mkdirSync(work, { recursive: true });
  console.log(
    `nhi-policy bench: node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ` +
      `${args.runs} runs per tool, alternating; seed ${args.seed}; work dir ${work}`,
  );

  const rows = [];
  let failed = false;
  try {
    for (const size of args.sizes) {
      const dir = path.join(work, `inventory-${size}`);
      const startGen = process.hrtime.bigint();
      const manifest = generate({ count: size, out: dir, seed: args.seed });
      const genMs = Number(process.hrtime.bigint() - startGen) / 1e6;
      const breakdown = Object.entries(manifest.breakages)
        .map(([name, n]) => `${name} ${n}`)
        .join(', ');
      console.log(
        `\n${size} identities generated in ${(genMs / 1000).toFixed(1)} s; ` +
          `${manifest.broken.length} broken: ${breakdown}`,
      );

      const peakFile = path.join(work, 'peak.json');
      const report = (name) => path.join(work, `report-${name}-${size}.json`);
      const tools = new Map([
        ...args.clis.map(([name, cli]) => [
          name,
          [
            cli,
            'check',
            dir,
            '--today',
            TODAY,
            '--format',
            'json',
            '--output',
            report(name),
          ],
        ]),
        ['bare', [BARE, dir]],
      ]);
      const names = [...tools.keys()];
      const samples = new Map(names.map((name) => [name, []]));
      const verified = new Set();
      let bareOut = null;
      for (let run = 0; run < args.runs; run++) {
        // Rotate the order every run, so no tool always goes first.
        const order = names.map((_, i) => names[(i + run) % names.length]);
        for (const name of order) {
          const isCheck = name !== 'bare';
          if (isCheck) rmSync(report(name), { force: true });
          const result = measure(tools.get(name), peakFile);
          const ok = isCheck
            ? (result.status === 0 || result.status === 1) &&
              existsSync(report(name))
            : result.status === 0;
          if (!ok) {
            throw new Error(
              `${name} run failed (exit ${result.status ?? result.signal}):\n${result.stderr.slice(0, 2000)}`,
            );
          }
          samples.get(name).push(result);
          if (!isCheck) bareOut ??= JSON.parse(result.stdout);
          if (isCheck && !verified.has(name)) {
            verified.add(name);
            const check = verify(
              JSON.parse(readFileSync(report(name), 'utf8')),
              manifest,
            );
            if (!printVerification(name, check, manifest)) failed = true;
          }
        }
      }
      console.log(
        `bare loop: ${bareOut.files} files, ${bareOut.parseFailures} parse failures, ` +
          `${bareOut.invalid} schema failures`,
      );
      if (bareOut.files !== manifest.files) {
        console.log(
          `  FAIL: the bare loop read ${bareOut.files} files, not ${manifest.files}`,
        );
        failed = true;
      }

      const bare = samples.get('bare');
      for (const name of names) {
        const runs = samples.get(name);
        const ms = runs.map((s) => s.ms);
        const row = {
          size,
          tool: name,
          medianMs: median(ms),
          minMs: Math.min(...ms),
          maxMs: Math.max(...ms),
          rate: size / (median(ms) / 1000),
          cpuMs: median(runs.map((s) => s.cpuMs)),
          peakMb: median(runs.map((s) => s.peakMb)),
        };
        if (name !== 'bare') {
          row.ratio = median(bare.map((s) => s.ms)) / row.medianMs;
          row.paired = median(runs.map((s, i) => bare[i].ms / s.ms));
        }
        rows.push(row);
        console.log(
          `  ${name} runs (ms): ${ms.map((x) => x.toFixed(0)).join(' ')}`,
        );
      }
    }
  } finally {
    if (!args.keep && !args.dir) rmSync(work, { recursive: true, force: true });
  }

  console.log('');
  printTable(rows);
  console.log(
    '\nWall time per process, start-up included; cpu ms is user + system time of the child.\n' +
      'rate vs bare = bare median ms / tool median ms (1.00 = as fast as the bare loop);\n' +
      'paired = median over runs of bare ms / tool ms, each pair run back to back.',
  );
  return failed ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exitCode = 2;
}
