/** The review states GitHub reports on `GET .../pulls/{n}/reviews`. */
export type ReviewState =
  'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export type DiffStatus =
  | 'added'
  | 'removed'
  | 'modified'
  | 'renamed'
  | 'copied'
  | 'changed'
  | 'unchanged';

export interface FileChangeRecord {
  filename: string;
  status: DiffStatus;
  additions: number;
  deletions: number;
  previousFilename?: string;
  patch?: string;
}

export interface ReviewRecord {
  id: number;
  user: string;
  state: ReviewState;
  commitId: string;
  submittedAt: string;
  body: string;
}

export interface PullRequestRecord {
  number: number;
  id: number;
  title: string;
  body: string | null;
  author: string;
  state: 'open' | 'closed';
  draft: boolean;
  headSha: string;
  headRef: string;
  baseSha: string;
  baseRef: string;
  /** Owner of the head repository when the PR comes from a fork. */
  forkOwner: string | undefined;
  labels: string[];
  files: FileChangeRecord[];
  reviews: ReviewRecord[];
  /** Conversation comments (the issues API's comments on the PR). */
  comments: CommentRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface CommentRecord {
  id: number;
  issueNumber: number;
  user: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface IssueRecord {
  number: number;
  id: number;
  title: string;
  body: string | null;
  user: string;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | null;
  labels: string[];
  assignees: string[];
  locked: boolean;
  comments: CommentRecord[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: string | null;
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export type StatusState = 'error' | 'failure' | 'pending' | 'success';

export interface StatusRecord {
  id: number;
  sha: string;
  state: StatusState;
  context: string;
  description: string | null;
  targetUrl: string | null;
  creator: string;
  createdAt: string;
  updatedAt: string;
}

export type CheckStatus =
  'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';

export interface CheckOutput {
  title: string | null;
  summary: string | null;
  text: string | null;
  annotationsCount: number;
}

export interface CheckRunRecord {
  id: number;
  headSha: string;
  name: string;
  status: CheckStatus;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: CheckOutput;
}

export interface TeamMemberRecord {
  login: string;
  role: 'member' | 'maintainer';
}

/** A team, or the status GitHub answers for it (403, 404). */
export type TeamRecord =
  { members: TeamMemberRecord[] } | { deny: 403 | 404; message?: string };
