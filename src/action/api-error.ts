/** The API calls the Action makes, for messages that say what to fix. */
export type ApiCall =
  | { kind: 'pull-request'; number: number }
  | { kind: 'open-pull-requests' }
  | { kind: 'reviews'; number: number }
  | { kind: 'team'; team: string }
  | { kind: 'status'; sha: string }
  | { kind: 'list-issues'; label: string }
  | { kind: 'label'; label: string }
  | { kind: 'write-issue'; team: string };

/**
 * A GitHub API call that failed with an HTTP status. `describe()` names
 * the permission or setting that is missing, so that the person reading
 * the log knows what to change in the workflow or configuration.
 */
export class ApiError extends Error {
  constructor(
    readonly call: ApiCall,
    readonly status: number,
    readonly apiMessage: string,
    /** True when GitHub refused for a rate limit, not a permission. */
    readonly rateLimited = false,
  ) {
    super(`${what(call)}: ${status} ${apiMessage}`);
    this.name = 'ApiError';
  }

  /** The failure and the next step, in one sentence. */
  describe(): string {
    const failed = `${what(this.call)} failed (${this.status} ${this.apiMessage})`;
    return `${failed}: ${this.nextStep()}`;
  }

  private nextStep(): string {
    if (this.status === 401) {
      return 'the token was refused; check the input "token" (empty, expired or revoked)';
    }
    if (this.rateLimited) {
      return "GitHub's rate limit held after the waits it asked for; the next run goes on";
    }
    if (![403, 404].includes(this.status)) {
      return 'GitHub refused the request; run the workflow again, and report it if it persists';
    }
    return refusal(this.call);
  }
}

function what(call: ApiCall): string {
  switch (call.kind) {
    case 'pull-request':
      return `reading pull request #${call.number}`;
    case 'open-pull-requests':
      return 'listing the open pull requests';
    case 'reviews':
      return `reading the reviews of pull request #${call.number}`;
    case 'team':
      return `reading the members of the GitHub team ${call.team}`;
    case 'status':
      return `writing the commit status on ${call.sha.slice(0, 7)}`;
    case 'list-issues':
      return `listing the issues labelled ${call.label}`;
    case 'label':
      return `creating the label ${call.label}`;
    case 'write-issue':
      return `writing the rolling issue of team ${call.team}`;
  }
}

function refusal(call: ApiCall): string {
  switch (call.kind) {
    case 'pull-request':
    case 'open-pull-requests':
    case 'reviews':
      return 'give the job "permissions: pull-requests: read" in the workflow file';
    case 'team':
      return (
        "a workflow's GITHUB_TOKEN cannot read organisation teams: pass in " +
        'the input "token" a GitHub App installation token or a ' +
        'fine-grained personal access token with the organisation ' +
        'permission "Members: read" (check the team slug too), or set ' +
        '"approvals.membership: registry" in the configuration'
      );
    case 'status':
      return (
        'give the job "permissions: statuses: write" in the workflow file; ' +
        'a pull request from a fork gets a read-only token, see ' +
        'docs/approvals.md for the workflow_run setup'
      );
    case 'list-issues':
      return 'give the job "permissions: issues: read" in the workflow file';
    case 'label':
    case 'write-issue':
      return (
        'give the job "permissions: issues: write" in the workflow file, ' +
        'or set the input "dry-run" to true to only show the plan'
      );
  }
}
