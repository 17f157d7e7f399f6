// Invitations: written when a request opens or a rater joins it, found by id (the member) or by
// the hash of a one-time link's token, and claimed by exactly one submit.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../client";
import { feedbackRequests, invitations, organisations, people } from "../../schema";

export type InvitationRow = typeof invitations.$inferSelect;

/** The addresses of these people of the organisation. */
export async function findPeopleEmails(
  db: Executor,
  orgId: string,
  personIds: readonly string[],
): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(and(eq(people.orgId, orgId), inArray(people.id, [...personIds])));
  return new Map(rows.map((row) => [row.id, row.email]));
}

/** Inserts an invitation; its id, or null when the rater was invited already. */
export async function insertInvitation(
  db: Executor,
  values: typeof invitations.$inferInsert,
): Promise<string | null> {
  const [inserted] = await db
    .insert(invitations)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: invitations.id });
  return inserted?.id ?? null;
}

/** The member's own invitation (FOR UPDATE when `lock`). */
export async function findMemberInvitation(
  db: Executor,
  key: { invitationId: string; orgId: string; personId: string },
  lock = false,
): Promise<InvitationRow | null> {
  const query = db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.id, key.invitationId),
        eq(invitations.orgId, key.orgId),
        eq(invitations.personId, key.personId),
      ),
    );
  const [row] = await (lock ? query.for("update") : query);
  return row ?? null;
}

/** The invitation a one-time link's token hash opens (FOR UPDATE when `lock`). */
export async function findInvitationByTokenHash(
  db: Executor,
  tokenHash: string,
  lock = false,
): Promise<InvitationRow | null> {
  const query = db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
  const [row] = await (lock ? query.for("update") : query);
  return row ?? null;
}

/** The state and questionnaire version of a request, locked while an answer is given or declined. */
export async function lockRequestForAnswer(db: Executor, requestId: string, mode: "share" | "update") {
  const [request] = await db
    .select({ state: feedbackRequests.state, version: feedbackRequests.instrumentVersion })
    .from(feedbackRequests)
    .where(eq(feedbackRequests.id, requestId))
    .for(mode);
  return request ?? null;
}

/** The state and questionnaire version of a request, unlocked. */
export async function findRequestAnswerFacts(db: Executor, requestId: string) {
  const [request] = await db
    .select({ state: feedbackRequests.state, version: feedbackRequests.instrumentVersion })
    .from(feedbackRequests)
    .where(eq(feedbackRequests.id, requestId));
  return request ?? null;
}

/** The person's invitations to open requests, soonest deadline first. */
export async function listOpenInvitationsOf(db: Executor, orgId: string, personId: string) {
  return db
    .select({
      invitationId: invitations.id,
      requestId: invitations.requestId,
      group: invitations.group,
      state: invitations.state,
      deadline: feedbackRequests.deadline,
      subjectId: people.id,
      subjectName: people.name,
    })
    .from(invitations)
    .innerJoin(feedbackRequests, eq(feedbackRequests.id, invitations.requestId))
    .innerJoin(people, eq(people.id, feedbackRequests.subjectId))
    .where(
      and(
        eq(invitations.orgId, orgId),
        eq(invitations.personId, personId),
        eq(feedbackRequests.state, "open"),
      ),
    )
    .orderBy(asc(feedbackRequests.deadline), asc(invitations.id));
}

/** What a rater's form shows of the request: its state, deadline, k, subject and organisation. */
export async function findFormRequest(db: Executor, requestId: string) {
  const [request] = await db
    .select({
      state: feedbackRequests.state,
      deadline: feedbackRequests.deadline,
      threshold: feedbackRequests.threshold,
      instrumentVersion: feedbackRequests.instrumentVersion,
      subjectId: people.id,
      subjectName: people.name,
      orgName: organisations.name,
    })
    .from(feedbackRequests)
    .innerJoin(people, eq(people.id, feedbackRequests.subjectId))
    .innerJoin(organisations, eq(organisations.id, feedbackRequests.orgId))
    .where(eq(feedbackRequests.id, requestId));
  return request ?? null;
}

/**
 * Marks the invitation submitted if it is still pending: the gate of exactly-once submits. What it
 * returns is what the sealed envelope needs, or null when another submit (or a decline) came first.
 */
export async function claimInvitation(db: Executor, invitationId: string, submitKey: string | null) {
  const [claimed] = await db
    .update(invitations)
    .set({ state: "submitted", submitKey })
    .where(and(eq(invitations.id, invitationId), inArray(invitations.state, ["pending", "draft"])))
    .returning({ group: invitations.group, orgId: invitations.orgId, counts: invitations.counts });
  return claimed ?? null;
}

export async function findSubmitState(db: Executor, invitationId: string) {
  const [current] = await db
    .select({ state: invitations.state, submitKey: invitations.submitKey })
    .from(invitations)
    .where(eq(invitations.id, invitationId));
  return current ?? null;
}

/**
 * Rewrites every invitation of the request unchanged, so they all carry this transaction's stamp
 * (xmin): see the submit in the API for why.
 */
export async function restampInvitations(db: Executor, requestId: string): Promise<void> {
  await db
    .update(invitations)
    .set({ state: sql`${invitations.state}` })
    .where(eq(invitations.requestId, requestId));
}

export async function markInvitationDeclined(db: Executor, invitationId: string): Promise<void> {
  await db.update(invitations).set({ state: "declined" }).where(eq(invitations.id, invitationId));
}
