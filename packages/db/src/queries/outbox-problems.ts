// Mail in trouble, for an organisation's admins: failed, retrying, interrupted, or long waiting.
// Reminders are only ever counted per request, never listed (who got one has not answered).
// E-mail rows only: a chat copy beside an e-mail ("both") adds nothing to fix, and a chat-only
// notice that cannot go by chat turns back into its e-mail, and is counted as one.
import { and, desc, eq, gt, inArray, lte, ne, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { feedbackRequests, outbox, people } from "../schema";

function undelivered(now: Date, waitingSince: Date | null) {
  const problem = or(
    eq(outbox.state, "failed"),
    and(eq(outbox.state, "pending"), gt(outbox.attempts, 0)),
    and(eq(outbox.state, "sending"), lte(outbox.nextAttemptAt, now)),
    waitingSince ? and(eq(outbox.state, "pending"), lte(outbox.nextAttemptAt, waitingSince)) : undefined,
  );
  return and(eq(outbox.channel, "email"), problem);
}

export interface UndeliveredQuery {
  orgId: string;
  now: Date;
  /** Never-tried mails due before this count as waiting; null to leave them out (demo Mailbox). */
  waitingSince: Date | null;
}

/** Undelivered mails other than reminders, newest first. */
export async function listUndeliveredMail(db: Executor, input: UndeliveredQuery & { limit?: number }) {
  return db
    .select({
      id: outbox.id,
      template: outbox.template,
      toEmail: outbox.toEmail,
      subject: outbox.subject,
      state: outbox.state,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      nextAttemptAt: outbox.nextAttemptAt,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(
      and(
        eq(outbox.orgId, input.orgId),
        ne(outbox.template, "reminder"),
        undelivered(input.now, input.waitingSince),
      ),
    )
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(input.limit ?? 200);
}

/** Undelivered reminders per request still collecting answers: counts only. */
export async function countUndeliveredReminders(db: Executor, input: UndeliveredQuery) {
  return db
    .select({
      requestId: feedbackRequests.id,
      subjectId: people.id,
      subjectName: people.name,
      deadline: feedbackRequests.deadline,
      notDelivered: sql<number>`count(*)::int`,
    })
    .from(outbox)
    .innerJoin(
      feedbackRequests,
      and(
        sql`${feedbackRequests.id}::text = ${outbox.meta}->>'requestId'`,
        eq(feedbackRequests.orgId, outbox.orgId),
      ),
    )
    .innerJoin(people, eq(people.id, feedbackRequests.subjectId))
    .where(
      and(
        eq(outbox.orgId, input.orgId),
        eq(outbox.template, "reminder"),
        eq(feedbackRequests.state, "open"),
        undelivered(input.now, input.waitingSince),
      ),
    )
    .groupBy(feedbackRequests.id, people.id, people.name, feedbackRequests.deadline)
    .orderBy(feedbackRequests.deadline, feedbackRequests.id);
}

/** One of the organisation's outbox rows, locked for a change. */
export async function lockOutboxMail(db: Executor, input: { orgId: string; id: string }) {
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.orgId, input.orgId), eq(outbox.id, input.id)))
    .for("update");
  return row ?? null;
}

/** Makes a queued mail due now (and a `sending` one whose lease ran out, pending again). */
export async function makeMailDueNow(db: Executor, input: { id: string; now: Date }): Promise<void> {
  await db
    .update(outbox)
    .set({ state: "pending", nextAttemptAt: input.now })
    .where(and(eq(outbox.id, input.id), inArray(outbox.state, ["pending", "sending"])));
}

export async function deleteOutboxMail(db: Executor, id: string): Promise<void> {
  await db.delete(outbox).where(eq(outbox.id, id));
}
