// Who coaches whom: a coach coaches the people of the teams they are a coach of.
import { and, eq } from "drizzle-orm";
import type { Executor } from "../../client";
import { teamCoaches, teamMembers } from "../../schema";

/** Whether `coachId` coaches a team that `personId` belongs to. */
export async function coachesPerson(db: Executor, orgId: string, coachId: string, personId: string) {
  const [row] = await db
    .select({ teamId: teamCoaches.teamId })
    .from(teamCoaches)
    .innerJoin(
      teamMembers,
      and(
        eq(teamMembers.orgId, teamCoaches.orgId),
        eq(teamMembers.teamId, teamCoaches.teamId),
        eq(teamMembers.personId, personId),
      ),
    )
    .where(and(eq(teamCoaches.orgId, orgId), eq(teamCoaches.personId, coachId)))
    .limit(1);
  return Boolean(row);
}

/** The people in the teams `coachId` coaches. */
export async function listCoachees(db: Executor, orgId: string, coachId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ personId: teamMembers.personId })
    .from(teamMembers)
    .innerJoin(
      teamCoaches,
      and(eq(teamCoaches.orgId, teamMembers.orgId), eq(teamCoaches.teamId, teamMembers.teamId)),
    )
    .where(and(eq(teamMembers.orgId, orgId), eq(teamCoaches.personId, coachId)));
  return rows.map((row) => row.personId);
}
