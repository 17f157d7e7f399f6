// The admin's queries on teams: the list with members and coaches, name clashes, and replacing a
// team's members or coaches. Every query is scoped by org id.
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Executor } from "../../client";
import { people, personRoles, teamCoaches, teamMembers, teams } from "../../schema";

export interface TeamLink {
  teamId: string;
  id: string;
  name: string;
}

/** The teams, and their active members and coaches (by name). */
export async function listTeamsWithPeople(db: Executor, orgId: string) {
  const rows = await db
    .select({ id: teams.id, name: teams.name, createdAt: teams.createdAt })
    .from(teams)
    .where(eq(teams.orgId, orgId))
    .orderBy(asc(teams.name), asc(teams.id));
  const person = { id: people.id, name: people.name };
  const members: TeamLink[] = await db
    .select({ teamId: teamMembers.teamId, ...person })
    .from(teamMembers)
    .innerJoin(people, eq(people.id, teamMembers.personId))
    .where(and(eq(teamMembers.orgId, orgId), eq(people.active, true)))
    .orderBy(asc(people.name));
  const coaches: TeamLink[] = await db
    .select({ teamId: teamCoaches.teamId, ...person })
    .from(teamCoaches)
    .innerJoin(people, eq(people.id, teamCoaches.personId))
    .where(and(eq(teamCoaches.orgId, orgId), eq(people.active, true)))
    .orderBy(asc(people.name));
  return { teams: rows, members, coaches };
}

/** Which of these people are active people of the organisation. */
export async function findActivePeopleIds(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgId, orgId), inArray(people.id, [...ids]), eq(people.active, true)));
  return rows.map((r) => r.id);
}

/** Another team with this name, compared without regard to capitals (as the CSV import does). */
export async function findTeamNameClash(
  db: Executor,
  orgId: string,
  name: string,
  exceptId: string | undefined,
): Promise<{ id: string; name: string } | undefined> {
  const [clash] = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(
      and(
        eq(teams.orgId, orgId),
        sql`lower(${teams.name}) = lower(${name})`,
        exceptId ? ne(teams.id, exceptId) : undefined,
      ),
    );
  return clash;
}

export async function findOrgTeam(db: Executor, orgId: string, teamId: string) {
  const [team] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.orgId, orgId)));
  return team;
}

export async function renameTeam(db: Executor, orgId: string, teamId: string, name: string): Promise<void> {
  await db
    .update(teams)
    .set({ name })
    .where(and(eq(teams.id, teamId), eq(teams.orgId, orgId)));
}

export async function insertTeam(db: Executor, orgId: string, name: string): Promise<string> {
  const [team] = await db.insert(teams).values({ orgId, name }).returning({ id: teams.id });
  if (!team) throw new Error("team insert returned nothing");
  return team.id;
}

/** Makes the team's members (or coaches) exactly these people; says how many came and went. */
export async function replaceTeamLinks(
  db: Executor,
  kind: "members" | "coaches",
  orgId: string,
  teamId: string,
  personIds: readonly string[],
): Promise<{ added: number; removed: number }> {
  const table = kind === "members" ? teamMembers : teamCoaches;
  const current = (
    await db
      .select({ personId: table.personId })
      .from(table)
      .where(and(eq(table.orgId, orgId), eq(table.teamId, teamId)))
  ).map((r) => r.personId);
  const next = new Set(personIds);
  const removed = current.filter((id) => !next.has(id));
  const added = personIds.filter((id) => !current.includes(id));
  if (removed.length > 0) {
    await db
      .delete(table)
      .where(and(eq(table.orgId, orgId), eq(table.teamId, teamId), inArray(table.personId, removed)));
  }
  if (added.length > 0) await db.insert(table).values(added.map((personId) => ({ orgId, teamId, personId })));
  return { added: added.length, removed: removed.length };
}

/** Gives these people the coach role where they lack it; returns those who got it now. */
export async function grantCoachRole(
  db: Executor,
  orgId: string,
  personIds: readonly string[],
): Promise<string[]> {
  if (personIds.length === 0) return [];
  const granted = await db
    .insert(personRoles)
    .values(personIds.map((personId) => ({ orgId, personId, role: "coach" as const })))
    .onConflictDoNothing()
    .returning({ personId: personRoles.personId });
  return granted.map((g) => g.personId);
}

export async function deleteTeam(db: Executor, orgId: string, teamId: string): Promise<string | undefined> {
  const [team] = await db
    .delete(teams)
    .where(and(eq(teams.id, teamId), eq(teams.orgId, orgId)))
    .returning({ id: teams.id });
  return team?.id;
}
