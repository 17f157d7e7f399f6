// Nominations of a request: proposed by the subject, decided by the manager, and (for externals)
// vouched for by an admin who does not read the report.
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../client";
import { invitations, nominations, people } from "../../schema";

export type NominationRow = typeof nominations.$inferSelect;

/** Inserts the request's nominations (raters the manager chose, approved at once). */
export async function insertNominations(db: Executor, rows: Array<typeof nominations.$inferInsert>) {
  if (rows.length > 0) await db.insert(nominations).values(rows);
}

/** Inserts one nomination; its id, or null when the rater was nominated already. */
export async function insertNomination(
  db: Executor,
  row: typeof nominations.$inferInsert,
): Promise<string | null> {
  const [inserted] = await db
    .insert(nominations)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: nominations.id });
  return inserted?.id ?? null;
}

export async function findNomination(db: Executor, orgId: string, nominationId: string) {
  const [row] = await db
    .select()
    .from(nominations)
    .where(and(eq(nominations.id, nominationId), eq(nominations.orgId, orgId)));
  return row ?? null;
}

/** Whether the nominee (a person, or an external's address) is already invited to the request. */
export async function isNomineeInvited(
  db: Executor,
  orgId: string,
  requestId: string,
  nominee: { personId: string | null; email: string | null },
): Promise<boolean> {
  const [invited] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.orgId, orgId),
        eq(invitations.requestId, requestId),
        nominee.personId
          ? eq(invitations.personId, nominee.personId)
          : eq(invitations.email, nominee.email ?? ""),
      ),
    );
  return Boolean(invited);
}

export async function setNominationApproved(
  db: Executor,
  orgId: string,
  nominationId: string,
  approved: boolean,
): Promise<void> {
  await db
    .update(nominations)
    .set({ approved })
    .where(and(eq(nominations.id, nominationId), eq(nominations.orgId, orgId)));
}

/** The request's nominations with the names of the rater and of who proposed them, oldest first. */
export async function listRequestNominations(db: Executor, orgId: string, requestId: string) {
  const rater = alias(people, "rater");
  const proposer = alias(people, "proposer");
  return db
    .select({
      id: nominations.id,
      personId: nominations.personId,
      personName: rater.name,
      email: nominations.email,
      group: nominations.group,
      approved: nominations.approved,
      externalApprovedById: nominations.externalApprovedById,
      proposedById: nominations.proposedById,
      proposedByName: proposer.name,
    })
    .from(nominations)
    .leftJoin(rater, eq(rater.id, nominations.personId))
    .innerJoin(proposer, eq(proposer.id, nominations.proposedById))
    .where(and(eq(nominations.orgId, orgId), eq(nominations.requestId, requestId)))
    .orderBy(asc(nominations.createdAt), asc(nominations.id));
}

/** The approved nominations of a request, as rule 9 reads them, in the order they were made. */
export async function listApprovedNominations(db: Executor, orgId: string, requestId: string) {
  return db
    .select({
      personId: nominations.personId,
      email: nominations.email,
      group: nominations.group,
      externalApprovedById: nominations.externalApprovedById,
    })
    .from(nominations)
    .where(
      and(eq(nominations.orgId, orgId), eq(nominations.requestId, requestId), eq(nominations.approved, true)),
    )
    .orderBy(asc(nominations.createdAt), asc(nominations.email), asc(nominations.id));
}

/** The request's nominations of external addresses. */
export async function listExternalNominations(db: Executor, orgId: string, requestId: string) {
  return db
    .select({ id: nominations.id, email: nominations.email })
    .from(nominations)
    .where(
      and(eq(nominations.orgId, orgId), eq(nominations.requestId, requestId), isNotNull(nominations.email)),
    );
}

export async function setExternalApprover(
  db: Executor,
  orgId: string,
  nominationId: string,
  approverId: string,
): Promise<void> {
  await db
    .update(nominations)
    .set({ externalApprovedById: approverId })
    .where(and(eq(nominations.id, nominationId), eq(nominations.orgId, orgId)));
}
