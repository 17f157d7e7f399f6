// The outbox worker's queries. A mail is claimed alone, just before it is sent, with a lease: the
// row turns `sending` until the lease runs out, and a row whose lease ran out (its process died
// mid-send) is due again. So a crash loses no mail; at worst one is sent twice, under the same
// Message-ID so that receivers can drop the copy. SKIP LOCKED keeps two processes off one row.
import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database, Executor } from "../client";
import { feedbackRequests, outbox } from "../schema";

export type OutboxMail = typeof outbox.$inferSelect;

/**
 * Once a mail has left (or never will), the one-time links in it (feedback links, password links)
 * are of no use to anyone here: only their hash belongs in the database, so the stored copy loses
 * them.
 */
const LINK = "(/r/|/pulse/|/reset-password\\?token=)[A-Za-z0-9_%.-]+";
const REMOVED = "\\1(link removed once sent)";
const withoutLinks = {
  text: sql`regexp_replace(${outbox.text}, ${LINK}, ${REMOVED}, 'g')`,
  html: sql`regexp_replace(${outbox.html}, ${LINK}, ${REMOVED}, 'g')`,
  meta: sql`${outbox.meta} - 'link'`,
};

export interface ClaimedMail {
  mail: OutboxMail;
  /** The previous claim's lease ran out: that process may or may not have sent it. */
  resumed: boolean;
}

/**
 * Pending and due, or `sending` past its lease. Compared to the millisecond, the resolution of a
 * JavaScript clock: a row the database stamped within this very millisecond is due, not future.
 */
const due = (now: Date, channels: readonly OutboxChannel[]) =>
  and(
    inArray(outbox.state, ["pending", "sending"]),
    lt(outbox.nextAttemptAt, new Date(now.getTime() + 1)),
    inArray(outbox.channel, [...channels]),
  );

/** `email` goes over SMTP; the chat worker sends `slack_dm` and `slack_channel`. */
export type OutboxChannel = "email" | "slack_dm" | "slack_channel";

/**
 * Claims the next due mail of these channels (default: e-mail) for one attempt, leased until
 * now + leaseMs; null when none is due.
 */
export async function claimNextMail(
  db: Database,
  input: { now: Date; leaseMs: number; channels?: readonly OutboxChannel[] },
): Promise<ClaimedMail | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(outbox)
      .where(due(input.now, input.channels ?? ["email"]))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.createdAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!row) return null;
    const [mail] = await tx
      .update(outbox)
      .set({
        state: "sending",
        attempts: sql`${outbox.attempts} + 1`,
        nextAttemptAt: new Date(input.now.getTime() + input.leaseMs),
      })
      .where(eq(outbox.id, row.id))
      .returning();
    return mail ? { mail, resumed: row.state === "sending" } : null;
  });
}

/** Only the claim that holds the row may settle it (a later claim after a lease ran out wins). */
const held = (mail: OutboxMail) =>
  and(eq(outbox.id, mail.id), eq(outbox.state, "sending"), eq(outbox.attempts, mail.attempts));

export async function markMailSent(db: Executor, mail: OutboxMail, now: Date): Promise<void> {
  await db
    .update(outbox)
    .set({ state: "sent", sentAt: now, lastError: null, ...withoutLinks })
    .where(held(mail));
}

export async function markMailRetry(
  db: Executor,
  mail: OutboxMail,
  input: { error: string; nextAttemptAt: Date },
): Promise<void> {
  await db
    .update(outbox)
    .set({ state: "pending", lastError: input.error, nextAttemptAt: input.nextAttemptAt })
    .where(held(mail));
}

export async function markMailFailed(db: Executor, mail: OutboxMail, error: string): Promise<void> {
  await db
    .update(outbox)
    .set({ state: "failed", lastError: error, ...withoutLinks })
    .where(held(mail));
}

/**
 * A direct message that cannot go by chat (no Slack account, Slack disconnected or refusing) goes
 * as the e-mail it was written from (the same row: it cannot be sent both ways), due now.
 */
export async function markMailFallBackToEmail(db: Executor, mail: OutboxMail, now: Date): Promise<void> {
  await db
    .update(outbox)
    // As an e-mail it has not been tried yet: no attempt counts against it, nor shows as a retry.
    .set({ channel: "email", state: "pending", attempts: 0, nextAttemptAt: now, lastError: null })
    .where(held(mail));
}

/** Whether the request a reminder is about still collects answers (then it is worth retrying). */
export async function reminderStillWanted(db: Executor, mail: OutboxMail, now: Date): Promise<boolean> {
  const requestId = typeof mail.meta.requestId === "string" ? mail.meta.requestId : null;
  if (!requestId) return false;
  const [request] = await db
    .select({ id: feedbackRequests.id })
    .from(feedbackRequests)
    .where(
      and(
        eq(feedbackRequests.id, requestId),
        eq(feedbackRequests.orgId, mail.orgId),
        eq(feedbackRequests.state, "open"),
        sql`${feedbackRequests.deadline} > ${now.toISOString()}::timestamptz`,
      ),
    );
  return Boolean(request);
}
