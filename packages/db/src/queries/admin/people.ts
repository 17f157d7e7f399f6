// The admin's queries on people: the organisation lock, looking up clashes and managers, and
// writing a person's row, roles, teams and sign-in address. Every query is scoped by org id.
import { and, eq, inArray, isNotNull, ne, notExists } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../client";
import {
  organisations,
  people,
  personRoles,
  type roleEnum,
  session,
  teamMembers,
  teams,
  user,
} from "../../schema";

export type PersonRow = typeof people.$inferSelect;
export type PersonChanges = Partial<
  Pick<typeof people.$inferInsert, "name" | "email" | "managerId" | "active">
>;
export type RoleName = (typeof roleEnum.enumValues)[number];

/**
 * Serialises changes to the organisation's people and teams (imports, edits, erasure), so two
 * admins cannot, together, build a reporting loop neither of them could build alone.
 */
export async function lockOrganisationPeople(db: Executor, orgId: string): Promise<void> {
  await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, orgId))
    .for("update");
}

/** Someone of the organisation (other than `exceptId`) with this address. */
export async function findPersonWithEmail(
  db: Executor,
  orgId: string,
  email: string,
  exceptId: string | null,
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .where(
      and(eq(people.orgId, orgId), eq(people.email, email), exceptId ? ne(people.id, exceptId) : undefined),
    );
  return row;
}

export async function findManagerCandidate(
  db: Executor,
  orgId: string,
  managerId: string,
): Promise<{ id: string; active: boolean } | undefined> {
  const [row] = await db
    .select({ id: people.id, active: people.active })
    .from(people)
    .where(and(eq(people.id, managerId), eq(people.orgId, orgId)));
  return row;
}

/** Everyone's manager line, to find a reporting loop before it is made. */
export function listManagerLines(db: Executor, orgId: string) {
  return db
    .select({ id: people.id, managerId: people.managerId, name: people.name })
    .from(people)
    .where(eq(people.orgId, orgId));
}

/** Which of these team ids are the organisation's. */
export async function findOrgTeamIds(
  db: Executor,
  orgId: string,
  teamIds: readonly string[],
): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), inArray(teams.id, [...teamIds])));
  return rows.map((r) => r.id);
}

export async function listTeamIdsOfPerson(db: Executor, orgId: string, personId: string): Promise<string[]> {
  const rows = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.personId, personId)));
  return rows.map((r) => r.teamId);
}

export async function replaceTeamsOfPerson(
  db: Executor,
  orgId: string,
  personId: string,
  teamIds: readonly string[],
): Promise<void> {
  await db.delete(teamMembers).where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.personId, personId)));
  const unique = [...new Set(teamIds)];
  if (unique.length > 0) {
    await db.insert(teamMembers).values(unique.map((teamId) => ({ orgId, teamId, personId })));
  }
}

export async function insertPerson(
  db: Executor,
  row: { id: string; orgId: string; name: string; email: string; managerId: string | null },
): Promise<void> {
  await db.insert(people).values(row);
}

export async function updatePersonRow(
  db: Executor,
  orgId: string,
  personId: string,
  changes: PersonChanges,
): Promise<void> {
  await db
    .update(people)
    .set(changes)
    .where(and(eq(people.id, personId), eq(people.orgId, orgId)));
}

export async function listRolesOfPerson(db: Executor, orgId: string, personId: string): Promise<RoleName[]> {
  const rows = await db
    .select({ role: personRoles.role })
    .from(personRoles)
    .where(and(eq(personRoles.orgId, orgId), eq(personRoles.personId, personId)));
  return rows.map((r) => r.role);
}

export async function insertRolesOfPerson(
  db: Executor,
  orgId: string,
  personId: string,
  roles: readonly RoleName[],
): Promise<void> {
  if (roles.length === 0) return;
  await db.insert(personRoles).values(roles.map((role) => ({ orgId, personId, role })));
}

export async function replaceRolesOfPerson(
  db: Executor,
  orgId: string,
  personId: string,
  roles: readonly RoleName[],
): Promise<void> {
  await db.delete(personRoles).where(and(eq(personRoles.orgId, orgId), eq(personRoles.personId, personId)));
  await insertRolesOfPerson(db, orgId, personId, roles);
}

/**
 * The person no longer answers to their sign-in (their address changed): the sign-in stays with the
 * address it was made for, and is deleted (with its password and sessions) when no other
 * organisation's person holds it. The person's new address gets a sign-in of its own on its first
 * password link, so a password set by one mailbox never opens the door of another.
 */
export async function unlinkPersonFromSignIn(
  db: Executor,
  orgId: string,
  personId: string,
  userId: string,
): Promise<void> {
  await db
    .update(people)
    .set({ userId: null, linkedAt: null, awaitingEntry: false })
    .where(and(eq(people.orgId, orgId), eq(people.id, personId)));
  await deleteSignInIfUnused(db, userId);
}

/** Deletes the sign-in (sessions and password go with it) when no person holds it any more. */
export async function deleteSignInIfUnused(db: Executor, userId: string): Promise<boolean> {
  const deleted = await db
    .delete(user)
    .where(
      and(
        eq(user.id, userId),
        notExists(db.select({ id: people.id }).from(people).where(eq(people.userId, userId))),
      ),
    )
    .returning({ id: user.id });
  return deleted.length > 0;
}

/**
 * Signs people out (deactivation, erasure): the sessions of their sign-ins are deleted, unless the
 * sign-in still holds an active person in another organisation. Then it keeps working there as
 * before, and its sessions stop answering for this organisation on their next request (the
 * membership lookup only resolves active persons). Call after the persons were deactivated.
 */
export async function endSessionsOf(
  db: Executor,
  orgId: string,
  personIds: readonly string[],
): Promise<void> {
  if (personIds.length === 0) return;
  const users = db
    .select({ userId: people.userId })
    .from(people)
    .where(and(eq(people.orgId, orgId), inArray(people.id, [...personIds]), isNotNull(people.userId)));
  const stillActive = alias(people, "still_active");
  await db.delete(session).where(
    and(
      inArray(session.userId, users),
      notExists(
        db
          .select({ id: stillActive.id })
          .from(stillActive)
          .where(and(eq(stillActive.userId, session.userId), eq(stillActive.active, true))),
      ),
    ),
  );
}
