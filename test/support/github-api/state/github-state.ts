import { isoSeconds } from '../fixtures/site.js';
import type {
  CheckRunRecord,
  CheckStatus,
  CommentRecord,
  DiffStatus,
  FileChangeRecord,
  IssueRecord,
  LabelRecord,
  PullRequestRecord,
  ReviewRecord,
  ReviewState,
  StatusRecord,
  StatusState,
  TeamMemberRecord,
  TeamRecord,
} from './records.js';

export interface FileChangeInput {
  filename: string;
  /** Default `modified`. */
  status?: DiffStatus;
  additions?: number;
  deletions?: number;
  previousFilename?: string;
  patch?: string;
}

export interface PullRequestInput {
  number: number;
  author: string;
  headSha: string;
  baseSha: string;
  title?: string;
  body?: string | null;
  headRef?: string;
  /** Default `main`. */
  baseRef?: string;
  state?: 'open' | 'closed';
  draft?: boolean;
  /** Login owning the fork the PR comes from; absent for a branch PR. */
  forkOwner?: string;
  labels?: string[];
  /** Changed files; a bare name is a `modified` file of 1 line. */
  files?: Array<string | FileChangeInput>;
}

export interface ReviewInput {
  user: string;
  state: ReviewState;
  /** Default: the pull request's head commit when the review is added. */
  commitId?: string;
  /** Default: the server clock. */
  submittedAt?: string;
  body?: string;
}

export interface CommentInput {
  user: string;
  body: string;
  createdAt?: string;
}

export interface IssueInput {
  title: string;
  body?: string | null;
  /** Default `github-actions[bot]`. */
  user?: string;
  state?: 'open' | 'closed';
  labels?: string[];
  assignees?: string[];
  createdAt?: string;
  comments?: CommentInput[];
}

export interface StatusInput {
  state: StatusState;
  /** Default `default`, as on GitHub. */
  context?: string;
  description?: string | null;
  targetUrl?: string | null;
  /** Default `github-actions[bot]`. */
  creator?: string;
}

export interface CheckRunInput {
  name: string;
  /** Default `queued`, or `completed` when a conclusion is given. */
  status?: CheckStatus;
  conclusion?: string;
  title?: string;
  summary?: string;
}

export interface LabelInput {
  name: string;
  /** Hex without `#`; default `ededed`, GitHub's default. */
  color?: string;
  description?: string | null;
}

const FIRST_ID = 1_000_001;

/**
 * Everything the fake API knows about one repository and its organisation.
 * Tests arrange it with the `add*`/`set*` methods and read it back with
 * the getters; the route handlers change it as GitHub would.
 */
export class GitHubState {
  readonly defaultBranch = 'main';
  readonly pulls = new Map<number, PullRequestRecord>();
  readonly issueMap = new Map<number, IssueRecord>();
  readonly labelMap = new Map<string, LabelRecord>();
  readonly statusList: StatusRecord[] = [];
  readonly checkRunList: CheckRunRecord[] = [];
  readonly teams = new Map<string, TeamRecord>();
  /** File texts per ref (branch, tag or SHA), then per path. */
  readonly contents = new Map<string, Map<string, string>>();
  /** Commit SHAs statuses and check runs may be attached to. */
  readonly commits = new Set<string>();
  private lastId = FIRST_ID;

  constructor(private readonly clock: () => Date) {}

  /** A fresh id, unique across every kind of object. */
  nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  /** The server's clock as a GitHub timestamp. */
  timestamp(): string {
    return isoSeconds(this.clock());
  }

  /** Adds a pull request; its number must be free among PRs and issues. */
  addPullRequest(input: PullRequestInput): PullRequestRecord {
    this.assertFreeNumber(input.number);
    const now = this.timestamp();
    const pr: PullRequestRecord = {
      number: input.number,
      id: this.nextId(),
      title: input.title ?? `Change identities (#${input.number})`,
      body: input.body ?? null,
      author: input.author,
      state: input.state ?? 'open',
      draft: input.draft ?? false,
      headSha: input.headSha,
      headRef: input.headRef ?? `change-${input.number}`,
      baseSha: input.baseSha,
      baseRef: input.baseRef ?? this.defaultBranch,
      forkOwner: input.forkOwner,
      labels: input.labels ?? [],
      files: (input.files ?? []).map(toFileChange),
      reviews: [],
      comments: [],
      createdAt: now,
      updatedAt: now,
    };
    pr.labels.forEach((name) => this.labelNamed(name));
    this.addCommit(pr.headSha);
    this.addCommit(pr.baseSha);
    this.pulls.set(pr.number, pr);
    return pr;
  }

  /** Moves the head of PR `number` to `sha`, optionally with new files. */
  pushCommit(
    number: number,
    sha: string,
    files?: Array<string | FileChangeInput>,
  ): PullRequestRecord {
    const pr = this.pullRequest(number);
    pr.headSha = sha;
    this.addCommit(sha);
    if (files) pr.files = files.map(toFileChange);
    pr.updatedAt = this.timestamp();
    return pr;
  }

  /** Adds a submitted review to PR `number`, after the existing ones. */
  addReview(number: number, input: ReviewInput): ReviewRecord {
    const pr = this.pullRequest(number);
    const review: ReviewRecord = {
      id: this.nextId(),
      user: input.user,
      state: input.state,
      commitId: input.commitId ?? pr.headSha,
      submittedAt: input.submittedAt ?? this.timestamp(),
      body: input.body ?? '',
    };
    pr.reviews.push(review);
    return review;
  }

  /** Marks review `id` of PR `number` as dismissed, as GitHub does. */
  dismissReview(number: number, id: number): ReviewRecord {
    const review = this.pullRequest(number).reviews.find((r) => r.id === id);
    if (!review) throw new Error(`PR #${number} has no review ${id}`);
    review.state = 'DISMISSED';
    return review;
  }

  /** Makes `sha` a known commit (PR heads and bases already are). */
  addCommit(sha: string): void {
    this.commits.add(sha);
  }

  /** The pull request `number`; throws if there is none. */
  pullRequest(number: number): PullRequestRecord {
    const pr = this.pulls.get(number);
    if (!pr) throw new Error(`the test server has no pull request #${number}`);
    return pr;
  }

  /** Sets the members of `org`/`slug` (a bare login is a `member`). */
  setTeam(
    org: string,
    slug: string,
    members: Array<string | TeamMemberRecord>,
  ): void {
    const records = members.map((member) =>
      typeof member === 'string'
        ? { login: member, role: 'member' as const }
        : member,
    );
    this.teams.set(teamKey(org, slug), { members: records });
  }

  /** Makes every request about `org`/`slug` answer `status`. */
  denyTeam(
    org: string,
    slug: string,
    status: 403 | 404,
    message?: string,
  ): void {
    const team = message ? { deny: status, message } : { deny: status };
    this.teams.set(teamKey(org, slug), team);
  }

  /** The team `org`/`slug`, if set. */
  team(org: string, slug: string): TeamRecord | undefined {
    return this.teams.get(teamKey(org, slug));
  }

  /** Stores `text` at `path` on `ref` (default: the default branch). */
  setFile(path: string, text: string, ref = this.defaultBranch): void {
    const files = this.contents.get(ref) ?? new Map<string, string>();
    files.set(path.replace(/^\/+/, ''), text);
    this.contents.set(ref, files);
    if (/^[0-9a-f]{40}$/.test(ref)) this.addCommit(ref);
  }

  /** Stores several files on `ref`, keyed by path. */
  setFiles(files: Record<string, string>, ref = this.defaultBranch): void {
    for (const [path, text] of Object.entries(files)) {
      this.setFile(path, text, ref);
    }
  }

  /** Adds a repository label; throws if the name exists (any case). */
  addLabel(input: LabelInput): LabelRecord {
    if (this.findLabel(input.name)) {
      throw new Error(`label "${input.name}" already exists`);
    }
    const label: LabelRecord = {
      id: this.nextId(),
      name: input.name,
      color: input.color ?? 'ededed',
      description: input.description ?? null,
    };
    this.labelMap.set(input.name.toLowerCase(), label);
    return label;
  }

  /** The label named `name`, compared without case as GitHub does. */
  findLabel(name: string): LabelRecord | undefined {
    return this.labelMap.get(name.toLowerCase());
  }

  /** The label `name`, created with defaults when missing. */
  labelNamed(name: string): LabelRecord {
    return this.findLabel(name) ?? this.addLabel({ name });
  }

  /** Adds an issue with the next free number, with its comments. */
  addIssue(input: IssueInput): IssueRecord {
    const createdAt = input.createdAt ?? this.timestamp();
    const closed = input.state === 'closed';
    const issue: IssueRecord = {
      number: this.nextNumber(),
      id: this.nextId(),
      title: input.title,
      body: input.body ?? null,
      user: input.user ?? 'github-actions[bot]',
      state: input.state ?? 'open',
      stateReason: closed ? 'completed' : null,
      labels: (input.labels ?? []).map((name) => this.labelNamed(name).name),
      assignees: input.assignees ?? [],
      locked: false,
      comments: [],
      createdAt,
      updatedAt: createdAt,
      closedAt: closed ? createdAt : null,
      closedBy: null,
    };
    this.issueMap.set(issue.number, issue);
    (input.comments ?? []).forEach((c) => this.addComment(issue.number, c));
    return issue;
  }

  /** The issue `number`; throws if there is none. */
  issue(number: number): IssueRecord {
    const issue = this.issueMap.get(number);
    if (!issue) throw new Error(`the test server has no issue #${number}`);
    return issue;
  }

  /** All issues (not pull requests), in number order. */
  issues(): IssueRecord[] {
    return [...this.issueMap.values()].sort((a, b) => a.number - b.number);
  }

  /** Adds a comment to issue or PR `number`; bumps its `updated_at`. */
  addComment(number: number, input: CommentInput): CommentRecord {
    const issue = this.issueMap.get(number) ?? this.pullRequest(number);
    const createdAt = input.createdAt ?? this.timestamp();
    const comment: CommentRecord = {
      id: this.nextId(),
      issueNumber: number,
      user: input.user,
      body: input.body,
      createdAt,
      updatedAt: createdAt,
    };
    issue.comments.push(comment);
    issue.updatedAt = createdAt;
    return comment;
  }

  /** The comments of issue or PR `number`, or undefined if neither. */
  commentsOf(number: number): CommentRecord[] | undefined {
    return (this.issueMap.get(number) ?? this.pulls.get(number))?.comments;
  }

  /** Adds a commit status on `sha` (made a known commit). */
  addStatus(sha: string, input: StatusInput): StatusRecord {
    const now = this.timestamp();
    const status: StatusRecord = {
      id: this.nextId(),
      sha,
      state: input.state,
      context: input.context ?? 'default',
      description: input.description ?? null,
      targetUrl: input.targetUrl ?? null,
      creator: input.creator ?? 'github-actions[bot]',
      createdAt: now,
      updatedAt: now,
    };
    this.addCommit(sha);
    this.statusList.push(status);
    return status;
  }

  /** Adds a check run on `sha` (made a known commit). */
  addCheckRun(sha: string, input: CheckRunInput): CheckRunRecord {
    const now = this.timestamp();
    const done = input.conclusion !== undefined;
    const run: CheckRunRecord = {
      id: this.nextId(),
      headSha: sha,
      name: input.name,
      status: done ? 'completed' : (input.status ?? 'queued'),
      conclusion: input.conclusion ?? null,
      startedAt: now,
      completedAt: done ? now : null,
      detailsUrl: null,
      externalId: null,
      output: {
        title: input.title ?? null,
        summary: input.summary ?? null,
        text: null,
        annotationsCount: 0,
      },
    };
    this.addCommit(sha);
    this.checkRunList.push(run);
    return run;
  }

  /** Commit statuses on `sha`, oldest first. */
  statuses(sha: string): StatusRecord[] {
    return this.statusList.filter((status) => status.sha === sha);
  }

  /** Check runs on `sha`, oldest first. */
  checkRuns(sha: string): CheckRunRecord[] {
    return this.checkRunList.filter((run) => run.headSha === sha);
  }

  /** A SHA for `ref`: itself, or the head of a PR branch with that name. */
  resolveRef(ref: string): string {
    for (const pr of this.pulls.values()) {
      if (pr.headRef === ref) return pr.headSha;
    }
    return ref;
  }

  /** The next issue number, shared with pull requests as on GitHub. */
  nextNumber(): number {
    const used = [...this.pulls.keys(), ...this.issueMap.keys()];
    return Math.max(0, ...used) + 1;
  }

  private assertFreeNumber(number: number): void {
    if (this.pulls.has(number) || this.issueMap.has(number)) {
      throw new Error(`#${number} is already an issue or pull request`);
    }
  }
}

function teamKey(org: string, slug: string): string {
  return `${org}/${slug}`.toLowerCase();
}

function toFileChange(input: string | FileChangeInput): FileChangeRecord {
  const file = typeof input === 'string' ? { filename: input } : input;
  const status = file.status ?? 'modified';
  return {
    filename: file.filename,
    status,
    additions: file.additions ?? (status === 'removed' ? 0 : 1),
    deletions: file.deletions ?? (status === 'added' ? 0 : 1),
    previousFilename: file.previousFilename,
    patch: file.patch,
  };
}
