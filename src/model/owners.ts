/** A way to reach a team or person. */
export interface Contact {
  type: string;
  target: string;
}

export interface Team {
  key: string;
  name: string;
  /** `org/team-slug`, for resolving membership through the GitHub API. */
  github?: string;
  members: string[];
  escalation: Contact[];
}

export interface Person {
  key: string;
  name: string;
  github: string;
  email?: string;
  /** Other ways to reach the person, in the order to try them. */
  contacts?: Contact[];
  bot: boolean;
}

/** Teams and people, declared once in owners.yaml. */
export interface OwnersRegistry {
  file: string;
  teams: Map<string, Team>;
  people: Map<string, Person>;
}
