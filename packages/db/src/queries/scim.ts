// What SCIM provisioning reads: the organisation's people as SCIM Users (erased people are gone
// for SCIM: they are placeholders now), one by id or by e-mail, or all of them for a filter.
import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { people } from "../schema";

export interface ScimPersonRow {
  id: string;
  name: string;
  email: string;
  managerId: string | null;
  active: boolean;
  externalId: string | null;
  createdAt: Date;
}

export function listScimPeople(
  db: Executor,
  orgId: string,
  only: { personId?: string; email?: string; externalId?: string } = {},
): Promise<ScimPersonRow[]> {
  const filters: Array<SQL | undefined> = [
    eq(people.orgId, orgId),
    isNull(people.erasedAt),
    only.personId ? eq(people.id, only.personId) : undefined,
    only.email ? eq(people.email, only.email) : undefined,
    // SCIM filters compare without case here (query.ts folds them), so the look-up does too.
    only.externalId !== undefined
      ? sql`lower(${people.externalId}) = ${only.externalId.toLowerCase()}`
      : undefined,
  ];
  return db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      managerId: people.managerId,
      active: people.active,
      externalId: people.externalId,
      createdAt: people.createdAt,
    })
    .from(people)
    .where(and(...filters))
    .orderBy(asc(people.createdAt), asc(people.id));
}

/** The identifier the provisioning client keeps for this person (null: none). */
export async function setPersonExternalId(
  db: Executor,
  input: { orgId: string; personId: string; externalId: string | null },
): Promise<void> {
  await db
    .update(people)
    .set({ externalId: input.externalId })
    .where(and(eq(people.orgId, input.orgId), eq(people.id, input.personId)));
}
