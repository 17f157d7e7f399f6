// The organisation's people as admins manage them: everyone (active or not), with manager, roles,
// teams and whether they can sign in: all of them (three flat queries assembled in memory), or a page
// of them for the People page (keyset by name and id, searched).
import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { people, personRoles, teamMembers, teams } from "../schema";
import { qualified } from "./qualified";

type Role = (typeof personRoles.$inferSelect)["role"];

export interface DirectoryEntry {
  id: string;
  name: string;
  email: string;
  managerId: string | null;
  managerEmail: string | null;
  active: boolean;
  erased: boolean;
  hasSignIn: boolean;
  roles: Role[];
  teams: Array<{ id: string; name: string }>;
  createdAt: Date;
}

const ROLE_ORDER: Role[] = ["admin", "manager", "coach", "member"];

export async function listDirectory(
  db: Executor,
  orgId: string,
  options: { includeErased?: boolean } = {},
): Promise<DirectoryEntry[]> {
  const manager = alias(people, "manager");
  const rows = await db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      managerId: people.managerId,
      managerEmail: manager.email,
      active: people.active,
      erasedAt: people.erasedAt,
      userId: people.userId,
      awaitingEntry: people.awaitingEntry,
      createdAt: people.createdAt,
    })
    .from(people)
    .leftJoin(manager, eq(manager.id, people.managerId))
    .where(and(eq(people.orgId, orgId), options.includeErased ? undefined : isNull(people.erasedAt)))
    .orderBy(asc(people.name), asc(people.id));
  const roleRows = await db
    .select({ personId: personRoles.personId, role: personRoles.role })
    .from(personRoles)
    .where(eq(personRoles.orgId, orgId));
  const teamRows = await db
    .select({ personId: teamMembers.personId, id: teams.id, name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.orgId, orgId))
    .orderBy(asc(teams.name));

  const rolesOf = new Map<string, Role[]>();
  for (const r of roleRows) rolesOf.set(r.personId, [...(rolesOf.get(r.personId) ?? []), r.role]);
  const teamsOf = new Map<string, Array<{ id: string; name: string }>>();
  for (const t of teamRows)
    teamsOf.set(t.personId, [...(teamsOf.get(t.personId) ?? []), { id: t.id, name: t.name }]);

  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    managerId: r.managerId,
    managerEmail: r.managerEmail,
    active: r.active,
    erased: r.erasedAt !== null,
    // Linked from a sign-in elsewhere but not used here yet says no more than never linked.
    hasSignIn: r.userId !== null && !r.awaitingEntry,
    roles: (rolesOf.get(r.id) ?? []).sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b)),
    teams: teamsOf.get(r.id) ?? [],
    createdAt: r.createdAt,
  }));
}

export async function listTeamNames(
  db: Executor,
  orgId: string,
): Promise<Array<{ id: string; name: string }>> {
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.orgId, orgId))
    .orderBy(asc(teams.name));
}

export type DirectoryStatus = "active" | "inactive" | "all";

export interface DirectoryPageFilter {
  /** Name, e-mail address or the name of one of their teams containing this (case ignored). */
  query?: string | undefined;
  status: DirectoryStatus;
  /** People strictly after this one, by name then id. */
  after?: { name: string; id: string } | undefined;
  /** Only this person (the entry an edit answers with). */
  personId?: string | undefined;
  limit: number;
}

export interface DirectoryPageEntry extends Omit<DirectoryEntry, "managerEmail" | "erased"> {
  managerName: string | null;
}

/**
 * A page of the directory (not erased), by name then id: the admin People page's list. Walks
 * (org_id, name, id) from the cursor on; roles and teams are read for the page's rows only.
 */
export async function listDirectoryPage(
  db: Executor,
  orgId: string,
  filter: DirectoryPageFilter,
): Promise<DirectoryPageEntry[]> {
  const manager = alias(people, "manager");
  const filters: Array<SQL | undefined> = [eq(people.orgId, orgId), isNull(people.erasedAt)];
  if (filter.status !== "all") filters.push(eq(people.active, filter.status === "active"));
  if (filter.personId) filters.push(eq(people.id, filter.personId));
  if (filter.query) {
    const needle = filter.query.toLowerCase();
    filters.push(sql`(strpos(lower(${people.name}), ${needle}) > 0 or strpos(lower(${people.email}), ${needle}) > 0
      or exists (select 1 from ${teamMembers} inner join ${teams} on ${teams.orgId} = ${teamMembers.orgId} and ${teams.id} = ${teamMembers.teamId}
        where ${teamMembers.orgId} = ${qualified(people.orgId)} and ${teamMembers.personId} = ${qualified(people.id)}
        and strpos(lower(${teams.name}), ${needle}) > 0))`);
  }
  if (filter.after) {
    filters.push(sql`(${people.name}, ${people.id}) > (${filter.after.name}, ${filter.after.id}::uuid)`);
  }
  // The page's teams, by name: ids and names as two text arrays (both drivers parse those).
  const teamsOf = (column: SQL) => sql<
    string[]
  >`(select coalesce(array_agg(${column} order by ${teams.name}, ${teams.id}), '{}')
    from ${teamMembers} inner join ${teams} on ${teams.orgId} = ${teamMembers.orgId} and ${teams.id} = ${teamMembers.teamId}
    where ${teamMembers.orgId} = ${qualified(people.orgId)} and ${teamMembers.personId} = ${qualified(people.id)})`;
  const rows = await db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      managerId: people.managerId,
      managerName: manager.name,
      active: people.active,
      userId: people.userId,
      awaitingEntry: people.awaitingEntry,
      createdAt: people.createdAt,
      roles: sql<Role[] | null>`(select array_agg(${personRoles.role}::text) from ${personRoles}
        where ${personRoles.orgId} = ${qualified(people.orgId)} and ${personRoles.personId} = ${qualified(people.id)})`,
      teamIds: teamsOf(sql`${teams.id}::text`),
      teamNames: teamsOf(sql`${teams.name}`),
    })
    .from(people)
    .leftJoin(manager, and(eq(manager.orgId, people.orgId), eq(manager.id, people.managerId)))
    .where(and(...filters))
    .orderBy(asc(people.name), asc(people.id))
    .limit(filter.limit);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    managerId: r.managerId,
    managerName: r.managerName,
    active: r.active,
    hasSignIn: r.userId !== null && !r.awaitingEntry,
    roles: [...(r.roles ?? [])].sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b)),
    teams: r.teamIds.map((id, i) => ({ id, name: r.teamNames[i] ?? "" })),
    createdAt: r.createdAt,
  }));
}

/** How many people (not erased) of the organisation are active and how many deactivated. */
export async function countDirectory(
  db: Executor,
  orgId: string,
): Promise<{ active: number; inactive: number }> {
  const [row] = await db
    .select({
      active: sql<number>`count(*) filter (where ${people.active})::int`,
      inactive: sql<number>`count(*) filter (where not ${people.active})::int`,
    })
    .from(people)
    .where(and(eq(people.orgId, orgId), isNull(people.erasedAt)));
  return { active: row?.active ?? 0, inactive: row?.inactive ?? 0 };
}
