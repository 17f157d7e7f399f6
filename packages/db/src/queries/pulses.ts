// The perceived-change pulse (issue 19): scheduling, the jobs that open and release pulses (claimed
// FOR UPDATE SKIP LOCKED, so several processes never do one twice), and what the plan shows.
import { and, desc, eq, gte, inArray, lte, ne, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { feedbackRequests, invitations, type PulseResultColumn, people, pulses } from "../schema";

export type PulseRow = typeof pulses.$inferSelect;

/** A new scheduled pulse; null when the plan already has one waiting or collecting. */
export async function insertPulse(db: Executor, values: typeof pulses.$inferInsert): Promise<string | null> {
  const [row] = await db.insert(pulses).values(values).onConflictDoNothing().returning({ id: pulses.id });
  return row?.id ?? null;
}

export async function findPulse(db: Executor, orgId: string, pulseId: string, lock?: "update") {
  const query = db
    .select()
    .from(pulses)
    .where(and(eq(pulses.orgId, orgId), eq(pulses.id, pulseId)));
  const [row] = await (lock ? query.for("update") : query);
  return row ?? null;
}

/** The plan's latest pulse (any state), and its latest released one. */
export async function findPlanPulses(db: Executor, orgId: string, planId: string) {
  const rows = await db
    .select()
    .from(pulses)
    .where(and(eq(pulses.orgId, orgId), eq(pulses.planId, planId)))
    .orderBy(desc(pulses.createdAt))
    .limit(20);
  return { latest: rows[0] ?? null, released: rows.find((row) => row.state === "released") ?? null };
}

/** Scheduled pulses whose day has come, claimed for this transaction. */
export function claimPulsesToOpen(db: Executor, input: { today: string; limit: number }) {
  return db
    .select()
    .from(pulses)
    .where(and(eq(pulses.state, "scheduled"), lte(pulses.opensOn, input.today)))
    .orderBy(pulses.opensOn)
    .limit(input.limit)
    .for("update", { skipLocked: true });
}

/** Open pulses past their deadline, claimed for this transaction. */
export function claimPulsesToRelease(db: Executor, input: { now: Date; limit: number }) {
  return db
    .select()
    .from(pulses)
    .where(and(eq(pulses.state, "open"), lte(pulses.deadline, input.now)))
    .orderBy(pulses.deadline)
    .limit(input.limit)
    .for("update", { skipLocked: true });
}

/**
 * The raters a pulse asks: the report's invitations in the anonymous groups that counted towards k,
 * answered or not (the state is not even read), with the address each reaches now.
 */
export function listPulseRaters(db: Executor, orgId: string, requestId: string) {
  return db
    .select({
      personId: invitations.personId,
      email: sql<string | null>`coalesce(${invitations.email}, ${people.email})`,
      erased: sql<boolean>`${people.erasedAt} is not null`,
    })
    .from(invitations)
    .leftJoin(people, and(eq(people.id, invitations.personId), eq(people.orgId, invitations.orgId)))
    .where(
      and(
        eq(invitations.orgId, orgId),
        eq(invitations.requestId, requestId),
        eq(invitations.counts, true),
        inArray(invitations.group, ["peer", "direct_report", "other"]),
      ),
    );
}

export async function markPulseOpened(
  db: Executor,
  pulse: Pick<PulseRow, "orgId" | "id">,
  values: {
    state: "open" | "insufficient";
    threshold: number;
    deadline: Date;
    invited: number;
    openedAt: Date;
  },
) {
  await db
    .update(pulses)
    .set(values)
    .where(and(eq(pulses.orgId, pulse.orgId), eq(pulses.id, pulse.id)));
}

export async function markPulseReleased(
  db: Executor,
  pulse: Pick<PulseRow, "orgId" | "id">,
  values: { state: "released" | "insufficient"; result: PulseResultColumn; releasedAt: Date },
) {
  await db
    .update(pulses)
    .set(values)
    .where(and(eq(pulses.orgId, pulse.orgId), eq(pulses.id, pulse.id)));
}

/** The subject's released pulses since a moment, besides this one, with what they showed. */
export function listEarlierPulses(
  db: Executor,
  input: { orgId: string; subjectId: string; since: Date; exceptId: string },
) {
  return db
    .select({ id: pulses.id, result: pulses.result })
    .from(pulses)
    .where(
      and(
        eq(pulses.orgId, input.orgId),
        eq(pulses.subjectId, input.subjectId),
        eq(pulses.state, "released"),
        gte(pulses.releasedAt, input.since),
        ne(pulses.id, input.exceptId),
      ),
    );
}

/** Released pulses of these subjects, newest first (the coach's dashboard). */
export function listReleasedPulsesOf(db: Executor, orgId: string, subjectIds: readonly string[]) {
  if (subjectIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: pulses.id,
      subjectId: pulses.subjectId,
      sourceRequestId: pulses.sourceRequestId,
      requesterId: feedbackRequests.requesterId,
      instrumentVersion: pulses.instrumentVersion,
      result: pulses.result,
      releasedAt: pulses.releasedAt,
    })
    .from(pulses)
    .innerJoin(
      feedbackRequests,
      and(eq(feedbackRequests.orgId, pulses.orgId), eq(feedbackRequests.id, pulses.sourceRequestId)),
    )
    .where(
      and(eq(pulses.orgId, orgId), inArray(pulses.subjectId, [...subjectIds]), eq(pulses.state, "released")),
    )
    .orderBy(desc(pulses.releasedAt));
}

/** The instrument version a request froze (the pulse asks in its words). */
export async function findRequestInstrumentVersion(db: Executor, orgId: string, requestId: string) {
  const [row] = await db
    .select({ version: feedbackRequests.instrumentVersion })
    .from(feedbackRequests)
    .where(and(eq(feedbackRequests.orgId, orgId), eq(feedbackRequests.id, requestId)));
  return row?.version ?? null;
}
