// The facts the access policy (packages/domain/src/access) judges: who coaches whom, whether admins
// read reports, who was invited to rate a request anonymously. Facts only; the decisions are the
// domain's.
import { and, eq, inArray, type SQLWrapper } from "drizzle-orm";
import type { Executor } from "../client";
import { invitations, organisations, personRoles, teamCoaches, teamMembers } from "../schema";
import { inUuids } from "./uuid-list";

const ANONYMOUS = ["peer", "direct_report", "other"] as const;

/** Whether the organisation lets admins read released reports. */
export async function adminsReadReports(db: Executor, orgId: string): Promise<boolean> {
  const [org] = await db
    .select({ allowed: organisations.adminsReadReports })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return org?.allowed ?? false;
}

/** The coaches of the teams the person belongs to. */
export async function findCoachIdsOf(db: Executor, orgId: string, personId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ personId: teamCoaches.personId })
    .from(teamCoaches)
    .innerJoin(
      teamMembers,
      and(
        eq(teamMembers.orgId, teamCoaches.orgId),
        eq(teamMembers.teamId, teamCoaches.teamId),
        eq(teamMembers.personId, personId),
      ),
    )
    .where(eq(teamCoaches.orgId, orgId));
  return rows.map((row) => row.personId);
}

/** The teams the person is linked to as a coach (whether they hold the coach role is the caller's). */
export async function listTeamIdsCoachedBy(db: Executor, orgId: string, personId: string): Promise<string[]> {
  const rows = await db
    .select({ teamId: teamCoaches.teamId })
    .from(teamCoaches)
    .where(and(eq(teamCoaches.orgId, orgId), eq(teamCoaches.personId, personId)));
  return rows.map((row) => row.teamId);
}

/** The admins of the organisation. */
export async function findAdminIds(db: Executor, orgId: string): Promise<string[]> {
  const rows = await db
    .select({ personId: personRoles.personId })
    .from(personRoles)
    .where(and(eq(personRoles.orgId, orgId), eq(personRoles.role, "admin")));
  return rows.map((row) => row.personId);
}

/** Of these requests, those on which the person was invited as an anonymous rater. */
export async function findRatedAnonymously(
  db: Executor,
  orgId: string,
  personId: string,
  requestIds: readonly string[],
): Promise<Set<string>> {
  if (requestIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ requestId: invitations.requestId })
    .from(invitations)
    .where(
      and(
        eq(invitations.orgId, orgId),
        eq(invitations.personId, personId),
        inArray(invitations.group, [...ANONYMOUS]),
        inUuids(invitations.requestId, requestIds),
      ),
    );
  return new Set(rows.map((row) => row.requestId));
}

/** The person's anonymous invitation on a request (a column or an id), for `notExists` in queries. */
export function anonymousInvitationOf(db: Executor, requestId: SQLWrapper | string, personId: string) {
  return db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.requestId, requestId),
        eq(invitations.personId, personId),
        inArray(invitations.group, [...ANONYMOUS]),
      ),
    );
}
