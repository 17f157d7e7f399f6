// Reading the people of one organisation. Every query here is scoped by org id.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { people, teamMembers } from "../schema";

export interface PersonSummary {
  id: string;
  name: string;
  email: string;
  managerId: string | null;
  teamIds: string[];
}

export async function listPeople(db: Executor, orgId: string): Promise<PersonSummary[]> {
  const rows = await db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      managerId: people.managerId,
      teamIds: sql<
        string[]
      >`coalesce(array_agg(${teamMembers.teamId}::text order by ${teamMembers.teamId}) filter (where ${teamMembers.teamId} is not null), '{}')`,
    })
    .from(people)
    .leftJoin(teamMembers, and(eq(teamMembers.personId, people.id), eq(teamMembers.orgId, people.orgId)))
    .where(and(eq(people.orgId, orgId), eq(people.active, true)))
    .groupBy(people.id)
    .orderBy(asc(people.name), asc(people.id));
  return rows;
}

/** The person of this organisation with this id, or undefined. */
export async function findOrgPerson(
  db: Executor,
  orgId: string,
  personId: string,
): Promise<typeof people.$inferSelect | undefined> {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.id, personId), eq(people.orgId, orgId)));
  return row;
}
