// The outbox worker: sends pending e-mails over SMTP from inside the API process. Rows are claimed
// with FOR UPDATE SKIP LOCKED and marked `sending` in a committed transaction before anything goes
// out, so two processes never pick the same row; a failed attempt is retried with backoff, and a
// row left `sending` by a crash is marked failed, never sent again (at most once beats twice).
import { type Database, sanitiseDatabaseError, schema } from "@fivefold/db";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { isPermanentFailure, type MailTransport } from "./smtp";

export const MAX_ATTEMPTS = 6;
/** How long a claimed row may stay `sending` before it counts as interrupted. */
export const SENDING_LEASE_MS = 10 * 60_000;

/**
 * Once a mail has left (or never will), the one-time links in it (feedback links, password links)
 * are of no use to anyone here: only their hash belongs in the database, so the stored copy loses
 * them.
 */
const LINK = "(/r/|/reset-password\\?token=)[A-Za-z0-9_%.-]+";
const REMOVED = "\\1(link removed once sent)";
const withoutLinks = {
  text: sql`regexp_replace(${schema.outbox.text}, ${LINK}, ${REMOVED}, 'g')`,
  html: sql`regexp_replace(${schema.outbox.html}, ${LINK}, ${REMOVED}, 'g')`,
  meta: sql`${schema.outbox.meta} - 'link'`,
};

/** 1, 2, 4, 8, 16 … minutes after each failed attempt, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

export interface DeliveryOptions {
  from: string;
  now?: () => Date;
  batchSize?: number;
  maxAttempts?: number;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
  interrupted: number;
}

type OutboxRow = typeof schema.outbox.$inferSelect;

/** Rows left `sending` past their lease (the process died mid-send): failed, not retried. */
export async function failInterrupted(db: Database, now: Date): Promise<number> {
  const rows = await db
    .update(schema.outbox)
    .set({
      state: "failed",
      lastError: "Interrupted while sending; not retried, as it may have been delivered",
      ...withoutLinks,
    })
    .where(and(eq(schema.outbox.state, "sending"), lte(schema.outbox.nextAttemptAt, now)))
    .returning({ id: schema.outbox.id });
  return rows.length;
}

async function claim(db: Database, now: Date, batchSize: number): Promise<OutboxRow[]> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(schema.outbox)
      .where(and(eq(schema.outbox.state, "pending"), lte(schema.outbox.nextAttemptAt, now)))
      .orderBy(asc(schema.outbox.nextAttemptAt), asc(schema.outbox.createdAt))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    if (rows.length === 0) return [];
    await tx
      .update(schema.outbox)
      .set({
        state: "sending",
        attempts: sql`${schema.outbox.attempts} + 1`,
        nextAttemptAt: new Date(now.getTime() + SENDING_LEASE_MS),
      })
      .where(
        inArray(
          schema.outbox.id,
          rows.map((r) => r.id),
        ),
      );
    return rows.map((r) => ({ ...r, attempts: r.attempts + 1 }));
  });
}

/** Sends what is due, batch after batch, until nothing is due. */
export async function deliverDueMail(
  db: Database,
  transport: MailTransport,
  options: DeliveryOptions,
): Promise<DeliveryReport> {
  const clock = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, interrupted: 0 };
  report.interrupted = await failInterrupted(db, clock());
  for (;;) {
    const rows = await claim(db, clock(), options.batchSize ?? 20);
    if (rows.length === 0) return report;
    for (const row of rows) {
      const outcome = await deliverOne(db, transport, row, { from: options.from, now: clock, maxAttempts });
      report[outcome]++;
    }
  }
}

async function deliverOne(
  db: Database,
  transport: MailTransport,
  row: OutboxRow,
  options: { from: string; now: () => Date; maxAttempts: number },
): Promise<"sent" | "retrying" | "failed"> {
  const mine = and(eq(schema.outbox.id, row.id), eq(schema.outbox.state, "sending"));
  try {
    await transport.send({
      messageId: `<${row.id}@fivefold>`,
      from: options.from,
      to: row.toEmail,
      subject: row.subject,
      text: row.text,
      html: row.html,
    });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    if (isPermanentFailure(error) || row.attempts >= options.maxAttempts) {
      await db
        .update(schema.outbox)
        .set({ state: "failed", lastError: message, ...withoutLinks })
        .where(mine);
      return "failed";
    }
    const next = new Date(options.now().getTime() + retryDelayMs(row.attempts));
    await db
      .update(schema.outbox)
      .set({ state: "pending", lastError: message, nextAttemptAt: next })
      .where(mine);
    return "retrying";
  }
  await db
    .update(schema.outbox)
    .set({ state: "sent", sentAt: options.now(), lastError: null, ...withoutLinks })
    .where(mine);
  return "sent";
}

export interface MailWorkerOptions extends DeliveryOptions {
  db: Database;
  transport: MailTransport;
  intervalMs?: number;
  log: { info: (msg: string) => void; error: (err: unknown, msg: string) => void };
}

/** Runs deliverDueMail every few seconds; never two runs at once in one process. */
export function startMailWorker(options: MailWorkerOptions): { stop: () => Promise<void>; kick: () => void } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        const report = await deliverDueMail(options.db, options.transport, options);
        if (report.sent + report.failed + report.retrying + report.interrupted > 0) {
          options.log.info(
            `E-mail: ${report.sent} sent, ${report.retrying} to retry, ${report.failed + report.interrupted} failed`,
          );
        }
      } catch (error) {
        options.log.error(sanitiseDatabaseError(error), "sending e-mail failed");
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, options.intervalMs ?? 5_000);
  timer.unref();
  tick();
  return {
    kick: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      options.transport.close();
    },
  };
}
