// Who a signed-in user is inside Fivefold: their person, organisation and roles.
import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { organisations, people, personRoles } from "../schema";

export interface Membership {
  person: { id: string; name: string; email: string };
  org: { id: string; name: string; anonymityThreshold: number };
  roles: Array<(typeof personRoles.$inferSelect)["role"]>;
}

export async function findMembershipByUserId(db: Executor, userId: string): Promise<Membership | null> {
  const [row] = await db
    .select({
      personId: people.id,
      personName: people.name,
      personEmail: people.email,
      active: people.active,
      orgId: organisations.id,
      orgName: organisations.name,
      anonymityThreshold: organisations.anonymityThreshold,
    })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.orgId))
    .where(eq(people.userId, userId))
    .limit(1);
  if (!row?.active) return null;
  const roles = await db
    .select({ role: personRoles.role })
    .from(personRoles)
    .where(eq(personRoles.personId, row.personId));
  return {
    person: { id: row.personId, name: row.personName, email: row.personEmail },
    org: { id: row.orgId, name: row.orgName, anonymityThreshold: row.anonymityThreshold },
    roles: roles.map((r) => r.role).sort(),
  };
}
