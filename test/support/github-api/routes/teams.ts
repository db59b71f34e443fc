import { teamMembershipFixture } from '../fixtures/team-membership.js';
import { userFixture } from '../fixtures/user.js';
import {
  errorResponse,
  json,
  notFound,
  type RouteResponse,
} from '../http/responses.js';
import type { TeamMemberRecord } from '../state/records.js';
import {
  pagedJson,
  queryParam,
  type Route,
  type RouteContext,
} from './route.js';

const TEAM = '/orgs/{org}/teams/{team_slug}';

/** Organisation teams: members and one user's membership. */
export const teamRoutes: Route[] = [
  {
    method: 'GET',
    path: `${TEAM}/members`,
    handle(context) {
      const members = teamMembers(context);
      if (!Array.isArray(members)) return members;
      const role = queryParam(context, 'role') ?? 'all';
      const listed = members
        .filter((member) => role === 'all' || member.role === role)
        .map((member) => userFixture(context.site, member.login));
      return pagedJson(context, listed);
    },
  },
  {
    method: 'GET',
    path: `${TEAM}/memberships/{username}`,
    handle(context) {
      const members = teamMembers(context);
      if (!Array.isArray(members)) return members;
      const username = (context.params.username ?? '').toLowerCase();
      const member = members.find((m) => m.login.toLowerCase() === username);
      if (!member) return notFound(context.docsUrl);
      const { org = '', team_slug: slug = '' } = context.params;
      return json(teamMembershipFixture(context.site, org, slug, member));
    },
  },
];

/** The team's members, or the refusal the caller gets. */
function teamMembers(
  context: RouteContext,
): TeamMemberRecord[] | RouteResponse {
  const denied = context.caller.teams;
  if (denied !== 'read') return deny(context, denied);
  const { org = '', team_slug: slug = '' } = context.params;
  const team = context.state.team(org, slug);
  if (!team) return notFound(context.docsUrl);
  if ('deny' in team) return deny(context, team.deny, team.message);
  return team.members;
}

function deny(context: RouteContext, status: 403 | 404, message?: string) {
  if (status === 404) return notFound(context.docsUrl);
  const text = message ?? 'Resource not accessible by integration';
  return errorResponse(403, text, context.docsUrl, {
    'x-accepted-github-permissions': 'members=read',
  });
}
