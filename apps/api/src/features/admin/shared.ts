// Small helpers the admin verbs share: the organisation lock, loading a person of the caller's
// organisation, and ending someone's sessions.
import { type Executor, schema } from "@fivefold/db";
import { NotFoundError, PreconditionFailedError } from "@fivefold/domain";
import { and, eq, inArray, isNotNull } from "drizzle-orm";

/**
 * Serialises changes to the organisation's people and teams (imports, edits, erasure), so two
 * admins cannot, together, build a reporting loop neither of them could build alone.
 */
export async function lockOrganisation(tx: Executor, orgId: string): Promise<void> {
  await tx
    .select({ id: schema.organisations.id })
    .from(schema.organisations)
    .where(eq(schema.organisations.id, orgId))
    .for("update");
}

export type PersonRow = typeof schema.people.$inferSelect;

export async function loadOrgPerson(db: Executor, orgId: string, personId: string): Promise<PersonRow> {
  const [row] = await db
    .select()
    .from(schema.people)
    .where(and(eq(schema.people.id, personId), eq(schema.people.orgId, orgId)));
  if (!row) throw new NotFoundError("Person");
  return row;
}

export function assertNotErased(person: PersonRow): void {
  if (person.erasedAt)
    throw new PreconditionFailedError("This person's data was erased: nothing is left to change");
}

/** Signs people out everywhere (deactivation, erasure): their sessions are deleted. */
export async function endSessions(tx: Executor, orgId: string, personIds: string[]): Promise<void> {
  if (personIds.length === 0) return;
  const users = tx
    .select({ userId: schema.people.userId })
    .from(schema.people)
    .where(
      and(
        eq(schema.people.orgId, orgId),
        inArray(schema.people.id, personIds),
        isNotNull(schema.people.userId),
      ),
    );
  await tx.delete(schema.session).where(inArray(schema.session.userId, users));
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
