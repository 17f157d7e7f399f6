// Who a signed-in user is inside Fivefold: their person, organisation and roles.
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { organisations, people, personRoles } from "../schema";
import { preparedOn } from "./prepared";

export interface Membership {
  person: { id: string; name: string; email: string };
  org: { id: string; name: string; anonymityThreshold: number };
  roles: Role[];
}

type Role = (typeof personRoles.$inferSelect)["role"];

// Prepared (see prepared.ts): it runs on every signed-in request.
const membershipQuery = preparedOn((db) =>
  db
    .select({
      personId: people.id,
      personName: people.name,
      personEmail: people.email,
      active: people.active,
      orgId: organisations.id,
      orgName: organisations.name,
      anonymityThreshold: organisations.anonymityThreshold,
      roles: sql<Role[] | null>`(select array_agg(${personRoles.role}::text) from ${personRoles}
        where ${personRoles.orgId} = ${people.orgId} and ${personRoles.personId} = ${people.id})`,
    })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.orgId))
    .where(eq(people.userId, sql.placeholder("userId")))
    .limit(1)
    .prepare("membership_by_user"),
);

export async function findMembershipByUserId(db: Executor, userId: string): Promise<Membership | null> {
  // One round trip on every signed-in request: the person, their organisation and their roles (as
  // text, which both drivers parse as an array; the composite key serves the roles by org and person).
  const [row] = await membershipQuery(db).execute({ userId });
  if (!row?.active) return null;
  return {
    person: { id: row.personId, name: row.personName, email: row.personEmail },
    org: { id: row.orgId, name: row.orgName, anonymityThreshold: row.anonymityThreshold },
    roles: [...(row.roles ?? [])].sort(),
  };
}
