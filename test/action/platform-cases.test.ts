import { createServer, type Server } from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../support/events.js';
import {
  fixture,
  pullRequestRepo,
  type Files,
  type PullRequestRepo,
} from '../support/git-repo.js';
import { annotationsOf, runAction } from '../support/run-action.js';

const TODAY = '2026-12-01';
const BASE: Files = {
  'nhi-policy.yaml': fixture('nhi-policy.yaml'),
  'owners.yaml': fixture('owners.yaml'),
  'identities/svc-ledger-reader.yaml': fixture('svc-ledger-reader.yaml'),
};
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function repoFor(base: Files, head: Files): PullRequestRepo {
  const repo = pullRequestRepo(base, head);
  roots.push(repo.root);
  return repo;
}

function run(
  repo: PullRequestRepo,
  inputs: Record<string, string> = {},
  extra: { env?: Record<string, string>; headRepository?: string } = {},
) {
  return runAction({
    workspace: repo.workspace,
    eventName: 'pull_request',
    payload: pullRequestEvent({
      baseSha: repo.baseSha,
      headSha: repo.headSha,
      headRepository: extra.headRepository,
    }),
    inputs: { today: TODAY, ...inputs },
    env: extra.env,
  });
}

/** 14 identities with one error each (unapproved storage), and a warning. */
function fourteenErrors(): Files {
  const files: Files = {
    'identities/svc-ledger-auditor.yaml': fixture(
      'svc-ledger-auditor-review-overdue.yaml',
    ),
  };
  const template = fixture('svc-report-uploader-plaintext-storage.yaml');
  for (let n = 1; n <= 14; n++) {
    const id = `svc-report-uploader-${String(n).padStart(2, '0')}`;
    files[`identities/${id}.yaml`] = template.replaceAll(
      'svc-report-uploader',
      id,
    );
  }
  return files;
}

describe('G1: annotation limits', () => {
  let repo: PullRequestRepo;
  beforeAll(() => {
    repo = repoFor(BASE, fourteenErrors());
  });

  it('annotates the most severe first, then counts the rest in a notice', () => {
    const result = run(repo);
    const annotations = annotationsOf(result);

    expect(result.status).toBe(1);
    expect(annotations.map((a) => a.level)).toEqual([
      ...Array(10).fill('error'),
      'warning',
      'notice',
    ]);
    expect(annotations.slice(0, 10).map((a) => a.file)).toEqual(
      Array.from(
        { length: 10 },
        (_, i) =>
          `identities/svc-report-uploader-${String(i + 1).padStart(2, '0')}.yaml`,
      ),
    );
    expect(annotations[10]?.file).toBe('identities/svc-ledger-auditor.yaml');
    expect(annotations[11]).toEqual({
      level: 'notice',
      file: undefined,
      line: undefined,
      title: 'nhi-policy',
      message: '…and 4 more findings: see the job summary for the full list.',
    });
    expect(result.outputs).toMatchObject({
      result: 'fail',
      errors: '14',
      warnings: '1',
    });
  });

  it('lists all 14 errors in the summary and the log', () => {
    const result = run(repo);

    for (let n = 1; n <= 14; n++) {
      const id = `svc-report-uploader-${String(n).padStart(2, '0')}`;
      expect(result.summary).toContain(
        `### identities/${id.replaceAll('-', '\\-')}\\.yaml`,
      );
      expect(result.stdout).toContain(
        `identities/${id}.yaml\n  15:7    error   NHI-130`,
      );
    }
    expect(result.summary).toContain(
      'In what this pull request changes: 14 errors, 1 warning, 0 notes.',
    );
    expect(result.stdout).toContain(
      'nhi-policy: fail: 14 errors, 1 warning, 0 notes in this pull request',
    );
  });

  it('trims max-annotations " 5 " and keeps the most severe within it', () => {
    const result = run(repo, { 'max-annotations': ' 5 ' });

    expect(annotationsOf(result).map((a) => a.level)).toEqual([
      'error',
      'error',
      'error',
      'error',
      'notice',
    ]);
    expect(annotationsOf(result)[4]?.message).toBe(
      '…and 11 more findings: see the job summary for the full list.',
    );
  });
});

describe('G2: fork pull requests and refused writes', () => {
  let server: Server;
  let requests: string[];
  let api: string;
  beforeAll(async () => {
    requests = [];
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end('{"message":"Resource not accessible by integration"}');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    api = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('gives a fork the same verdict and attempts no write', () => {
    const repo = repoFor(BASE, {
      'identities/svc-report-uploader.yaml': fixture(
        'svc-report-uploader-plaintext-storage.yaml',
      ),
    });
    const result = run(
      repo,
      {},
      {
        headRepository: 'mallory/identities',
        env: { GITHUB_API_URL: api, GITHUB_SERVER_URL: api },
      },
    );

    expect(result.status).toBe(1);
    expect(annotationsOf(result).map((a) => [a.level, a.file])).toEqual([
      ['error', 'identities/svc-report-uploader.yaml'],
    ]);
    expect(result.summary).toContain(
      'This pull request comes from the fork mallory/identities. GitHub gives its workflow a read-only token',
    );
    expect(requests).toEqual([]);
  });

  it('turns a refused summary or report write into a warning, verdict kept', () => {
    const repo = repoFor(BASE, {
      'identities/svc-report-reader.yaml': fixture('svc-report-reader.yaml'),
    });
    const blocked = path.join(repo.root, 'not-a-folder');
    writeFileSync(blocked, 'a file where a folder is needed\n');
    const summaryDir = path.join(repo.root, 'summary-is-a-folder');
    mkdirSync(summaryDir);
    const result = run(
      repo,
      { 'sarif-file': path.join(blocked, 'nhi-policy.sarif') },
      { env: { GITHUB_STEP_SUMMARY: summaryDir } },
    );
    const warnings = annotationsOf(result).filter((a) => a.level === 'warning');

    expect(result.status).toBe(0);
    expect(result.outputs).toMatchObject({ result: 'pass', 'sarif-file': '' });
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(
        /^The SARIF report was not written to .*not-a-folder\/nhi-policy\.sarif: EEXIST/,
      ),
      expect.stringMatching(/^The job summary was not written: /),
    ]);
    expect(requests).toEqual([]);
  });
});

describe('G3: boolean and number inputs', () => {
  let repo: PullRequestRepo;
  beforeAll(() => {
    // One error is already at base; the pull request adds a clean identity.
    repo = repoFor(
      {
        ...BASE,
        'identities/svc-ledger-exporter.yaml': fixture(
          'svc-ledger-exporter-rotation-overdue.yaml',
        ),
      },
      {
        'identities/svc-report-reader.yaml': fixture('svc-report-reader.yaml'),
      },
    );
  });

  it.each([
    ['false', 'pass', 0],
    ['False', 'pass', 0],
    ['FALSE', 'pass', 0],
    ['', 'pass', 0],
    ['true', 'fail', 1],
    ['True', 'fail', 1],
  ])('with fail-on-existing %j, the run is a %s', (value, verdict, status) => {
    const result = run(repo, { 'fail-on-existing': value });

    expect(result.status).toBe(status);
    expect(result.outputs.result).toBe(verdict);
  });

  it.each([
    ['fail-on-existing', 'yes-please', 'true or false'],
    ['max-annotations', ' 99 ', 'a whole number from 0 to 50'],
    ['max-annotations', '5.5', 'a whole number from 0 to 50'],
    ['fail-on', 'errors', 'one of error, warning, note, never'],
    ['today', '2026-02-30', 'a real date written YYYY-MM-DD'],
  ])(
    'stops on %s %j with one error naming the input',
    (name, value, expected) => {
      const result = run(repo, { [name]: value });

      expect(result.status).toBe(1);
      expect(result.outputs).toEqual({});
      expect(annotationsOf(result)).toEqual([
        {
          level: 'error',
          file: undefined,
          line: undefined,
          title: undefined,
          message: `nhi-policy configuration error: the input "${name}" is ${JSON.stringify(value.trim())}; it must be ${expected}: fix it in the workflow file`,
        },
      ]);
    },
  );

  it('lets fail-on win over the configuration file', () => {
    const result = run(repo, {
      'fail-on-existing': 'true',
      'fail-on': 'never',
    });

    expect(result.status).toBe(0);
    expect(result.outputs).toMatchObject({ result: 'pass', errors: '1' });
  });
});
