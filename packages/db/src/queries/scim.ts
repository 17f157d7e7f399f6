// What SCIM provisioning reads: the organisation's people as SCIM Users (erased people are gone
// for SCIM: they are placeholders now), one by id or by e-mail, or all of them for a filter.
import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { people } from "../schema";

export interface ScimPersonRow {
  id: string;
  name: string;
  email: string;
  managerId: string | null;
  active: boolean;
  createdAt: Date;
}

export function listScimPeople(
  db: Executor,
  orgId: string,
  only: { personId?: string; email?: string } = {},
): Promise<ScimPersonRow[]> {
  const filters: Array<SQL | undefined> = [
    eq(people.orgId, orgId),
    isNull(people.erasedAt),
    only.personId ? eq(people.id, only.personId) : undefined,
    only.email ? eq(people.email, only.email) : undefined,
  ];
  return db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      managerId: people.managerId,
      active: people.active,
      createdAt: people.createdAt,
    })
    .from(people)
    .where(and(...filters))
    .orderBy(asc(people.createdAt), asc(people.id));
}
