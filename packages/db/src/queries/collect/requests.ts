// Feedback requests of one organisation: loading (with the lock a verb asks for), creating, opening,
// cancelling, and the lists and counts a manager watches. Counts per group, never names.
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../client";
import { feedbackRequests, invitations, nominations, outbox, people } from "../../schema";

export type FeedbackRequestRow = typeof feedbackRequests.$inferSelect;

/** The request in the organisation, locked FOR UPDATE or FOR SHARE when asked; null when absent. */
export async function findRequest(
  db: Executor,
  orgId: string,
  requestId: string,
  lock?: "update" | "share",
): Promise<FeedbackRequestRow | null> {
  const query = db
    .select()
    .from(feedbackRequests)
    .where(and(eq(feedbackRequests.id, requestId), eq(feedbackRequests.orgId, orgId)));
  const [row] = await (lock === "update"
    ? query.for("update")
    : lock === "share"
      ? query.for("share")
      : query);
  return row ?? null;
}

export async function insertRequest(
  db: Executor,
  values: typeof feedbackRequests.$inferInsert,
): Promise<FeedbackRequestRow> {
  const [request] = await db.insert(feedbackRequests).values(values).returning();
  if (!request) throw new Error("request insert returned nothing");
  return request;
}

/** Opens the request with the threshold and instrument version of the moment; null if it vanished. */
export async function markRequestOpened(
  db: Executor,
  request: { id: string; orgId: string },
  values: {
    state: FeedbackRequestRow["state"];
    threshold: number;
    instrumentVersion: number;
    openedAt: Date;
  },
): Promise<FeedbackRequestRow | null> {
  const [opened] = await db
    .update(feedbackRequests)
    .set(values)
    .where(and(eq(feedbackRequests.id, request.id), eq(feedbackRequests.orgId, request.orgId)))
    .returning();
  return opened ?? null;
}

export async function markRequestCancelled(
  db: Executor,
  request: { id: string; orgId: string },
  values: { state: FeedbackRequestRow["state"]; closedAt: Date },
): Promise<void> {
  await db
    .update(feedbackRequests)
    .set(values)
    .where(and(eq(feedbackRequests.id, request.id), eq(feedbackRequests.orgId, request.orgId)));
}

/** Drops the request's e-mails not sent yet (invitations, reminders). */
export async function deletePendingRequestMail(
  db: Executor,
  orgId: string,
  requestId: string,
): Promise<void> {
  await db
    .delete(outbox)
    .where(
      and(
        eq(outbox.orgId, orgId),
        eq(outbox.state, "pending"),
        sql`${outbox.meta}->>'requestId' = ${requestId}`,
      ),
    );
}

/** Of these people, those of the organisation, with whether they are active. */
export async function findPeopleActivity(
  db: Executor,
  orgId: string,
  personIds: readonly string[],
): Promise<Array<{ id: string; active: boolean }>> {
  if (personIds.length === 0) return [];
  return db
    .select({ id: people.id, active: people.active })
    .from(people)
    .where(and(eq(people.orgId, orgId), inArray(people.id, [...personIds])));
}

export interface InvitationProgressRow {
  requestId: string;
  group: (typeof invitations.$inferSelect)["group"];
  counted: boolean;
  invited: number;
  submitted: number;
  declined: number;
}

/** Invitations per request, group and whether they count: how many, submitted, declined. */
export async function countInvitationProgress(
  db: Executor,
  orgId: string,
  requestIds: readonly string[],
): Promise<InvitationProgressRow[]> {
  if (requestIds.length === 0) return [];
  return db
    .select({
      requestId: invitations.requestId,
      group: invitations.group,
      counted: invitations.counts,
      invited: sql<number>`count(*)::int`,
      submitted: sql<number>`(count(*) filter (where ${invitations.state} = 'submitted'))::int`,
      declined: sql<number>`(count(*) filter (where ${invitations.state} = 'declined'))::int`,
    })
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), inArray(invitations.requestId, [...requestIds])))
    .groupBy(invitations.requestId, invitations.group, invitations.counts);
}

/** Requests the person requested, is the subject of, or whose subject reports to them; newest first. */
export async function listRequestsInvolving(db: Executor, orgId: string, personId: string) {
  return db
    .select({
      id: feedbackRequests.id,
      state: feedbackRequests.state,
      deadline: feedbackRequests.deadline,
      createdAt: feedbackRequests.createdAt,
      closedAt: feedbackRequests.closedAt,
      requesterId: feedbackRequests.requesterId,
      threshold: feedbackRequests.threshold,
      cycleId: feedbackRequests.cycleId,
      subjectId: people.id,
      subjectName: people.name,
      subjectManagerId: people.managerId,
    })
    .from(feedbackRequests)
    .innerJoin(people, eq(people.id, feedbackRequests.subjectId))
    .where(
      and(
        eq(feedbackRequests.orgId, orgId),
        or(
          eq(feedbackRequests.requesterId, personId),
          eq(feedbackRequests.subjectId, personId),
          eq(people.managerId, personId),
        ),
      ),
    )
    .orderBy(desc(feedbackRequests.createdAt), asc(feedbackRequests.id));
}

/** Nominations awaiting the manager's decision, per request. */
export async function countPendingNominations(
  db: Executor,
  orgId: string,
  requestIds: readonly string[],
): Promise<Map<string, number>> {
  if (requestIds.length === 0) return new Map();
  const rows = await db
    .select({ requestId: nominations.requestId, n: sql<number>`count(*)::int` })
    .from(nominations)
    .where(
      and(
        eq(nominations.orgId, orgId),
        inArray(nominations.requestId, [...requestIds]),
        isNull(nominations.approved),
      ),
    )
    .groupBy(nominations.requestId);
  return new Map(rows.map((r) => [r.requestId, r.n]));
}

/** Moves an open request's deadline; null if it vanished. */
export async function updateRequestDeadline(
  db: Executor,
  request: { id: string; orgId: string },
  deadline: Date,
): Promise<FeedbackRequestRow | null> {
  const [row] = await db
    .update(feedbackRequests)
    .set({ deadline })
    .where(and(eq(feedbackRequests.id, request.id), eq(feedbackRequests.orgId, request.orgId)))
    .returning();
  return row ?? null;
}
