// Writing an accepted people import, in parts of at most CHUNK rows (one statement each), inside
// the import's transaction. Every statement is scoped by org id.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../client";
import { people, personRoles, teamMembers, teams } from "../../schema";
import { endSessionsOf, type RoleName } from "./people";

const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

export async function insertTeamsIfMissing(
  db: Executor,
  orgId: string,
  names: readonly string[],
): Promise<void> {
  if (names.length === 0) return;
  await db
    .insert(teams)
    .values(names.map((name) => ({ orgId, name })))
    .onConflictDoNothing();
}

export async function insertImportedPeople(
  db: Executor,
  orgId: string,
  rows: ReadonlyArray<{ id: string; name: string; email: string }>,
): Promise<void> {
  for (const part of chunks(rows)) await db.insert(people).values(part.map((r) => ({ ...r, orgId })));
}

/** Sets the names of these people and makes them active. */
export async function renameAndReactivatePeople(
  db: Executor,
  orgId: string,
  rows: ReadonlyArray<{ id: string; name: string }>,
): Promise<void> {
  for (const part of chunks(rows)) {
    const values = sql.join(
      part.map((r) => sql`(${r.id}::uuid, ${r.name})`),
      sql`, `,
    );
    await db.execute(
      sql`update ${people} set name = v.name, active = true
          from (values ${values}) as v(id, name)
          where ${people.id} = v.id and ${people.orgId} = ${orgId}`,
    );
  }
}

export async function setManagersOf(
  db: Executor,
  orgId: string,
  rows: ReadonlyArray<{ id: string; managerId: string | null }>,
): Promise<void> {
  for (const part of chunks(rows)) {
    const values = sql.join(
      part.map((r) => sql`(${r.id}::uuid, ${r.managerId}::uuid)`),
      sql`, `,
    );
    await db.execute(
      sql`update ${people} set manager_id = v.manager_id
          from (values ${values}) as v(id, manager_id)
          where ${people.id} = v.id and ${people.orgId} = ${orgId}`,
    );
  }
}

export async function deleteRolesOfPeople(
  db: Executor,
  orgId: string,
  personIds: readonly string[],
): Promise<void> {
  for (const part of chunks(personIds)) {
    await db
      .delete(personRoles)
      .where(and(eq(personRoles.orgId, orgId), inArray(personRoles.personId, part)));
  }
}

export async function insertRoleRows(
  db: Executor,
  orgId: string,
  rows: ReadonlyArray<{ personId: string; role: RoleName }>,
): Promise<void> {
  for (const part of chunks(rows)) await db.insert(personRoles).values(part.map((r) => ({ ...r, orgId })));
}

export async function deleteTeamMembershipsOf(
  db: Executor,
  orgId: string,
  personIds: readonly string[],
): Promise<void> {
  for (const part of chunks(personIds)) {
    await db
      .delete(teamMembers)
      .where(and(eq(teamMembers.orgId, orgId), inArray(teamMembers.personId, part)));
  }
}

export async function insertTeamMemberRows(
  db: Executor,
  orgId: string,
  rows: ReadonlyArray<{ teamId: string; personId: string }>,
): Promise<void> {
  for (const part of chunks(rows)) await db.insert(teamMembers).values(part.map((r) => ({ ...r, orgId })));
}

/** Deactivates these people and signs them out. */
export async function deactivatePeople(
  db: Executor,
  orgId: string,
  personIds: readonly string[],
): Promise<void> {
  for (const part of chunks(personIds)) {
    await db
      .update(people)
      .set({ active: false })
      .where(and(eq(people.orgId, orgId), inArray(people.id, part)));
    await endSessionsOf(db, orgId, part);
  }
}
