// Sealed storage: envelopes while a request collects, the released responses written once at
// release, and the vacuum that follows. The bytes in an envelope mean nothing here; sealing and
// opening them is the API's job, with a secret the database never sees.
import { and, eq, type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client";
import { feedbackRequests, sealedEnvelopes, sealedResponses, vacuumDue } from "../schema";

/**
 * The request's organisation, looked up by its primary key, so that a lookup by request alone is
 * served by the (org_id, request_id) index (DESIGN §6) instead of walking all of it.
 */
const orgOfRequest = (requestId: string) =>
  sql`(select ${feedbackRequests.orgId} from ${feedbackRequests} where ${feedbackRequests.id} = ${requestId})`;

export type ReleasedResponse = Omit<typeof sealedResponses.$inferInsert, "id">;

/**
 * Deletes a request's envelopes and, when there were any, asks the maintenance job to vacuum: the
 * deleted row versions still sit in the table's pages until then.
 */
export async function deleteSealedEnvelopes(db: Executor, requestId: string): Promise<number> {
  const deleted = await db
    .delete(sealedEnvelopes)
    .where(and(eq(sealedEnvelopes.orgId, orgOfRequest(requestId)), eq(sealedEnvelopes.requestId, requestId)))
    .returning({ id: sealedEnvelopes.id });
  if (deleted.length > 0) await markVacuumDue(db);
  return deleted.length;
}

/**
 * Responses written in the clear by versions of Fivefold before sealed envelopes, for a request that
 * was still collecting when it was upgraded. Taken (read and deleted) at release so that they are
 * rewritten, shuffled, with the rest.
 */
export async function takeUnreleasedResponses(db: Executor, requestId: string) {
  return db
    .delete(sealedResponses)
    .where(and(eq(sealedResponses.orgId, orgOfRequest(requestId)), eq(sealedResponses.requestId, requestId)))
    .returning({
      group: sealedResponses.group,
      answers: sealedResponses.answers,
      comments: sealedResponses.comments,
    });
}

/** An insert, never an update: any number of releases add theirs without waiting on each other. */
export async function markVacuumDue(db: Executor): Promise<void> {
  await db.insert(vacuumDue).values({});
}

/**
 * Claims every vacuum asked for so far (all processes compete for the same rows; each row goes to
 * one). Returns how many there were: zero means nothing was released since the last vacuum.
 */
export async function claimVacuumDue(db: Executor): Promise<number> {
  const claimed = await db.delete(vacuumDue).returning({ id: vacuumDue.id });
  return claimed.length;
}

/** The tables whose dead row versions pair a submitter's transaction with an envelope or a rater. */
export const SEALED_STORAGE_TABLES = ["sealed_envelopes", "invitations"] as const;

/**
 * When the envelope table was last vacuumed, by anyone (this job in any process, or autovacuum),
 * from Postgres's statistics; null when it never was or statistics are off.
 */
export async function lastSealedStorageVacuum(db: Executor): Promise<Date | null> {
  // As milliseconds since the epoch: no timestamp text to parse, whatever the session's time zone.
  const [row] = await queryRows<{ last: number | null }>(
    db,
    sql`select (extract(epoch from greatest(last_vacuum, last_autovacuum)) * 1000)::float8 as last
        from pg_stat_user_tables where schemaname = current_schema() and relname = 'sealed_envelopes'`,
  );
  return row?.last == null ? null : new Date(Number(row.last));
}

/**
 * VACUUM cannot run inside a transaction: call this on the database, never on a transaction.
 * SKIP_LOCKED passes over a table another vacuum holds rather than queueing behind it.
 */
export async function vacuumSealedStorage(db: Executor): Promise<void> {
  const tables: SQL = sql.join(
    SEALED_STORAGE_TABLES.map((name) => sql.identifier(name)),
    sql`, `,
  );
  await db.execute(sql`vacuum (skip_locked) ${tables}`);
}
