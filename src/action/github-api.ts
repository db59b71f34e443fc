import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { CommitStatus } from '../approvals/commit-status.js';
import type { Review } from '../approvals/count-approvals.js';
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

/** The GitHub REST API calls of the owner-approval gate. */
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
  return new OctokitApi(connect(token, log), repository);
}

class OctokitApi implements GitHubApi {
  private readonly repo: { owner: string; repo: string };

  constructor(
    private readonly octokit: Octokit,
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
  return new ApiError(what, status, message);
}
