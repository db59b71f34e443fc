import { checkRunFixture } from '../fixtures/check-run.js';
import { paginate } from '../http/pagination.js';
import {
  json,
  notFound,
  validationFailed,
  type RouteResponse,
} from '../http/responses.js';
import type { CheckRunRecord, CheckStatus } from '../state/records.js';
import { queryParam, type Route, type RouteContext } from './route.js';

const MAX_ANNOTATIONS = 50;
const MAX_TEXT = 65535;

/** Check runs: create, update, list those of a ref. */
export const checkRunRoutes: Route[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/check-runs',
    permission: 'checks=write',
    handle(context) {
      const sha = String(context.body.head_sha);
      if (!context.state.commits.has(sha)) {
        return invalid(context, 'head_sha', `No commit found for SHA: ${sha}`);
      }
      const refused = checkOutput(context);
      if (refused) return refused;
      const name = String(context.body.name);
      const run = context.state.addCheckRun(sha, { name });
      applyChanges(context, run);
      return json(fixture(context, run), 201);
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
    permission: 'checks=write',
    handle(context) {
      const id = Number(context.params.check_run_id);
      const run = context.state.checkRunList.find((r) => r.id === id);
      if (!run) return notFound(context.docsUrl);
      const refused = checkOutput(context);
      if (refused) return refused;
      applyChanges(context, run);
      return json(fixture(context, run));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}/check-runs',
    handle(context) {
      const sha = context.state.resolveRef(context.params.ref ?? '');
      const runs = selectRuns(context, context.state.checkRuns(sha));
      const page = paginate(runs, context.url);
      const body = {
        total_count: runs.length,
        check_runs: page.items.map((run) => fixture(context, run)),
      };
      return json(body, 200, page.link ? { link: page.link } : undefined);
    },
  },
];

/** Applies the fields of a create or update body, as GitHub does. */
function applyChanges(context: RouteContext, run: CheckRunRecord): void {
  const body = context.body as Record<string, string | undefined>;
  if (body.name) run.name = body.name;
  if (body.details_url) run.detailsUrl = body.details_url;
  if (body.external_id) run.externalId = body.external_id;
  if (body.started_at) run.startedAt = body.started_at;
  if (body.status) run.status = body.status as CheckStatus;
  if (body.conclusion) {
    run.conclusion = body.conclusion;
    run.status = 'completed';
  }
  if (run.status === 'completed') {
    run.completedAt = body.completed_at ?? context.state.timestamp();
  }
  applyOutput(context, run);
}

function applyOutput(context: RouteContext, run: CheckRunRecord): void {
  const output = context.body.output as
    | { title?: string; summary?: string; text?: string; annotations?: [] }
    | undefined;
  if (!output) return;
  run.output = {
    title: output.title ?? run.output.title,
    summary: output.summary ?? run.output.summary,
    text: output.text ?? run.output.text,
    annotationsCount:
      run.output.annotationsCount + (output.annotations?.length ?? 0),
  };
}

function checkOutput(context: RouteContext): RouteResponse | undefined {
  const output = context.body.output as Record<string, unknown> | undefined;
  if (!output) return undefined;
  const annotations = output.annotations;
  if (Array.isArray(annotations) && annotations.length > MAX_ANNOTATIONS) {
    const message = `at most ${MAX_ANNOTATIONS} annotations per request`;
    return invalid(context, 'output.annotations', message);
  }
  for (const field of ['summary', 'text']) {
    const text = output[field];
    if (typeof text === 'string' && text.length > MAX_TEXT) {
      const message =
        `Only ${MAX_TEXT} characters are allowed; ` +
        `${text.length} were supplied.`;
      return invalid(context, `output.${field}`, message);
    }
  }
  return undefined;
}

/** `filter=latest` (default) keeps the newest run of each name. */
function selectRuns(
  context: RouteContext,
  runs: CheckRunRecord[],
): CheckRunRecord[] {
  const name = queryParam(context, 'check_name');
  const status = queryParam(context, 'status');
  const newestFirst = [...runs].reverse();
  const seen = new Set<string>();
  return newestFirst.filter((run) => {
    if (name !== undefined && run.name !== name) return false;
    if (status !== undefined && run.status !== status) return false;
    if (queryParam(context, 'filter') === 'all') return true;
    if (seen.has(run.name)) return false;
    seen.add(run.name);
    return true;
  });
}

function fixture(context: RouteContext, run: CheckRunRecord) {
  const pulls = [...context.state.pulls.values()].filter(
    (pr) => pr.headSha === run.headSha && pr.state === 'open',
  );
  return checkRunFixture(context.site, run, pulls);
}

function invalid(context: RouteContext, field: string, message: string) {
  return validationFailed(context.docsUrl, [
    { resource: 'CheckRun', field, code: 'custom', message },
  ]);
}
