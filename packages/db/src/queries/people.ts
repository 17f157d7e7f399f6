// Reading the people of one organisation. Every query here is scoped by org id.
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { people, teamMembers } from "../schema";
import { qualified } from "./qualified";

export interface PersonSummary {
  id: string;
  name: string;
  email: string;
  managerId: string | null;
  teamIds: string[];
}

export interface PeoplePageFilter {
  /** Name, last name or e-mail address starting with this (case ignored). */
  query?: string | undefined;
  /** People strictly after this one, by name then id. */
  after?: { name: string; id: string } | undefined;
  teamId?: string | undefined;
  managerId?: string | undefined;
  ids?: string[] | undefined;
  /** Addresses, matched whole (case ignored). */
  emails?: string[] | undefined;
  limit: number;
}

/** `text` as a LIKE pattern matching what starts with it: its wildcards are escaped. */
function startsWith(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A page of the organisation's active people, by name then id. Each search branch has an index
 * leading with org_id (lower(name), lower(last word of the name), lower(email), text_pattern_ops),
 * and the unsearched list walks (org_id, name, id) from the cursor on.
 */
export async function listPeoplePage(
  db: Executor,
  orgId: string,
  filter: PeoplePageFilter,
): Promise<PersonSummary[]> {
  const filters: Array<SQL | undefined> = [eq(people.orgId, orgId), eq(people.active, true)];
  if (filter.query) {
    const pattern = startsWith(filter.query);
    filters.push(
      sql`(lower(${people.name}) like ${pattern} or lower(split_part(${people.name}, ' ', -1)) like ${pattern} or lower(${people.email}) like ${pattern})`,
    );
  }
  if (filter.after) {
    filters.push(sql`(${people.name}, ${people.id}) > (${filter.after.name}, ${filter.after.id}::uuid)`);
  }
  if (filter.managerId) filters.push(eq(people.managerId, filter.managerId));
  if (filter.ids) filters.push(filter.ids.length ? inArray(people.id, filter.ids) : sql`false`);
  if (filter.emails) {
    const emails = filter.emails.map((e) => e.toLowerCase());
    filters.push(emails.length ? inArray(sql`lower(${people.email})`, emails) : sql`false`);
  }
  if (filter.teamId) {
    filters.push(
      sql`exists (select 1 from ${teamMembers} where ${teamMembers.orgId} = ${people.orgId} and ${teamMembers.teamId} = ${filter.teamId} and ${teamMembers.personId} = ${people.id})`,
    );
  }
  return db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      managerId: people.managerId,
      // Only for the page's rows: (org_id, person_id) serves it.
      teamIds: sql<
        string[]
      >`(select coalesce(array_agg(${qualified(teamMembers.teamId)}::text order by ${qualified(teamMembers.teamId)}), '{}') from ${teamMembers} where ${qualified(teamMembers.orgId)} = ${qualified(people.orgId)} and ${qualified(teamMembers.personId)} = ${qualified(people.id)})`,
    })
    .from(people)
    .where(and(...filters))
    .orderBy(asc(people.name), asc(people.id))
    .limit(filter.limit);
}

/** One person of the organisation, or null. */
export async function findOrgPerson(db: Executor, orgId: string, personId: string) {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.id, personId), eq(people.orgId, orgId)));
  return row ?? null;
}
