import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { CommitStatus } from '../approvals/commit-status.js';
import type { Review } from '../approvals/count-approvals.js';
import type { ExistingIssue } from '../audit/issues/plan-issues.js';
import { ApiError, type ApiCall } from './api-error.js';
import type { Log } from './runtime.js';

/** A pull request as the API describes it. */
export interface PullRequestData {
  number: number;
  author: string;
  baseSha: string;
  headSha: string;
  headRepo: string;
  baseRepo: string;
  baseRef: string;
}

/** A rolling issue to open, labelled and assigned. */
export interface NewIssue {
  title: string;
  body: string;
  label: string;
  assignees: string[];
}

/** A change to an issue: its body, or its state. */
export interface IssueChange {
  body?: string;
  /** `closed` closes it as completed. */
  state?: 'open' | 'closed';
}

/**
 * The GitHub REST API calls of the owner-approval gate and of the
 * scheduled audit's rolling issues. Issue writes name the team they are
 * for, so that a refusal says whose issue was not written.
 */
export interface GitHubApi {
  pullRequest(number: number): Promise<PullRequestData>;
  /** The open pull request whose head is `sha`, or null. */
  openPullRequestWithHead(sha: string): Promise<number | null>;
  /** Every review of the pull request, every page, oldest first. */
  reviews(number: number): Promise<Review[]>;
  /** The logins of the members of `org/slug`, every page. */
  teamMembers(team: string): Promise<string[]>;
  setStatus(
    sha: string,
    status: CommitStatus,
    targetUrl: string,
  ): Promise<void>;
  /** Every issue with `label`, open or closed, every page. */
  labelledIssues(label: string): Promise<ExistingIssue[]>;
  /** Creates the label unless it exists. */
  ensureLabel(label: string): Promise<void>;
  /** Opens an issue; returns its number. */
  createIssue(team: string, issue: NewIssue): Promise<number>;
  updateIssue(team: string, number: number, change: IssueChange): Promise<void>;
  comment(team: string, number: number, body: string): Promise<void>;
}

/** How many times a rate-limited request is tried again. */
const RATE_LIMIT_RETRIES = 2;

type Octokit = ReturnType<typeof getOctokit>;

/**
 * The API through Octokit, with GitHub's recommended throttling and
 * retries of server errors. `repository` is `owner/name`. Every failed
 * call becomes an ApiError that names the missing permission.
 */
export function createGitHubApi(
  token: string,
  repository: string,
  log: Log,
): GitHubApi {
  return new IssuesApi(connect(token, log), repository);
}

/** The pull request, review, team and status calls. */
class OctokitApi {
  protected readonly repo: { owner: string; repo: string };

  constructor(
    protected readonly octokit: Octokit,
    repository: string,
  ) {
    const [owner = '', repo = ''] = repository.split('/');
    this.repo = { owner, repo };
  }

  pullRequest(number: number): Promise<PullRequestData> {
    return call({ kind: 'pull-request', number }, async () => {
      const { data } = await this.octokit.rest.pulls.get({
        ...this.repo,
        pull_number: number,
      });
      return {
        number,
        author: data.user.login,
        baseSha: data.base.sha,
        headSha: data.head.sha,
        headRepo: data.head.repo?.full_name ?? '',
        baseRepo: data.base.repo.full_name,
        baseRef: data.base.ref,
      };
    });
  }

  openPullRequestWithHead(sha: string): Promise<number | null> {
    return call({ kind: 'open-pull-requests' }, async () => {
      const open = await this.octokit.paginate(this.octokit.rest.pulls.list, {
        ...this.repo,
        state: 'open',
        per_page: 100,
      });
      return open.find((pr) => pr.head.sha === sha)?.number ?? null;
    });
  }

  reviews(number: number): Promise<Review[]> {
    return call({ kind: 'reviews', number }, async () => {
      const { pulls } = this.octokit.rest;
      const reviews = await this.octokit.paginate(pulls.listReviews, {
        ...this.repo,
        pull_number: number,
        per_page: 100,
      });
      return reviews.map((r) => ({
        id: r.id,
        login: r.user?.login ?? '',
        userType: r.user?.type ?? '',
        state: r.state,
        commitId: r.commit_id,
      }));
    });
  }

  teamMembers(team: string): Promise<string[]> {
    return call({ kind: 'team', team }, async () => {
      const [org = '', slug = ''] = team.split('/');
      const members = await this.octokit.paginate(
        this.octokit.rest.teams.listMembersInOrg,
        { org, team_slug: slug, per_page: 100 },
      );
      return members.map((m) => m.login);
    });
  }

  setStatus(
    sha: string,
    status: CommitStatus,
    targetUrl: string,
  ): Promise<void> {
    return call({ kind: 'status', sha }, async () => {
      await this.octokit.rest.repos.createCommitStatus({
        ...this.repo,
        sha,
        state: status.state,
        context: status.context,
        description: status.description,
        ...(targetUrl ? { target_url: targetUrl } : {}),
      });
    });
  }
}

/** Adds the rolling issues' calls: list by label, create, edit, comment. */
class IssuesApi extends OctokitApi implements GitHubApi {
  labelledIssues(label: string): Promise<ExistingIssue[]> {
    return call({ kind: 'list-issues', label }, async () => {
      const issues = await this.octokit.paginate(
        this.octokit.rest.issues.listForRepo,
        { ...this.repo, labels: label, state: 'all', per_page: 100 },
      );
      return issues
        .filter((i) => !i.pull_request)
        .map((i) => ({
          number: i.number,
          state: i.state === 'closed' ? 'closed' : 'open',
          title: i.title,
          body: i.body ?? null,
          updatedAt: i.updated_at,
          assignees: (i.assignees ?? []).map((a) => a.login),
        }));
    });
  }

  ensureLabel(label: string): Promise<void> {
    return call({ kind: 'label', label }, async () => {
      const { issues } = this.octokit.rest;
      try {
        await issues.getLabel({ ...this.repo, name: label });
        return;
      } catch (error) {
        if ((error as { status?: unknown }).status !== 404) throw error;
      }
      await issues.createLabel({ ...this.repo, name: label, color: '5319e7' });
    });
  }

  createIssue(team: string, issue: NewIssue): Promise<number> {
    return call({ kind: 'write-issue', team }, async () => {
      const { data } = await this.octokit.rest.issues.create({
        ...this.repo,
        title: issue.title,
        body: issue.body,
        labels: [issue.label],
        assignees: issue.assignees,
      });
      return data.number;
    });
  }

  updateIssue(
    team: string,
    number: number,
    change: IssueChange,
  ): Promise<void> {
    return call({ kind: 'write-issue', team }, async () => {
      const closing = change.state === 'closed';
      await this.octokit.rest.issues.update({
        ...this.repo,
        issue_number: number,
        ...change,
        ...(closing ? { state_reason: 'completed' as const } : {}),
      });
    });
  }

  comment(team: string, number: number, body: string): Promise<void> {
    return call({ kind: 'write-issue', team }, async () => {
      await this.octokit.rest.issues.createComment({
        ...this.repo,
        issue_number: number,
        body,
      });
    });
  }
}

/** Runs one request; an HTTP failure becomes an ApiError. */
function call<T>(what: ApiCall, request: () => Promise<T>): Promise<T> {
  return request().catch((error: unknown) => {
    throw toApiError(what, error);
  });
}

function connect(token: string, log: Log): Octokit {
  const quiet = (m: string) => log.debug(m);
  return getOctokit(
    token,
    {
      log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
      throttle: {
        onRateLimit: onLimit('primary', log),
        onSecondaryRateLimit: onLimit('secondary', log),
      },
    },
    retry,
    throttling,
  );
}

/** Retries a rate-limited request after GitHub's wait, a few times. */
function onLimit(kind: string, log: Log) {
  return (
    after: number,
    options: { method: string; url: string },
    _: unknown,
    count: number,
  ): boolean => {
    const again = count < RATE_LIMIT_RETRIES;
    const text = `GitHub's ${kind} rate limit stopped ${options.method} ${options.url}`;
    if (again) log.info(`${text}; trying again in ${after} s.`);
    else log.warning(`${text}; giving up after ${count + 1} tries.`);
    return again;
  };
}

function toApiError(what: ApiCall, error: unknown): unknown {
  const status = (error as { status?: unknown }).status;
  if (typeof status !== 'number') return error;
  const body = (error as { response?: { data?: { message?: unknown } } })
    .response?.data;
  const message =
    typeof body?.message === 'string'
      ? body.message
      : error instanceof Error
        ? error.message
        : '';
  return new ApiError(what, status, message, rateLimited(error, status));
}

/** A 403 or 429 that GitHub sent for a rate limit, not a permission. */
function rateLimited(error: unknown, status: number): boolean {
  if (status !== 403 && status !== 429) return false;
  const headers =
    (error as { response?: { headers?: Record<string, unknown> } }).response
      ?.headers ?? {};
  return (
    headers['retry-after'] !== undefined ||
    String(headers['x-ratelimit-remaining']) === '0'
  );
}
