// What closing a request reads and writes: the invitations per group, the organisation's release
// settings, the frozen report, the closed state, and the people told; and the deadline job's claim.
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Executor } from "../../client";
import { feedbackRequests, invitations, organisations, people, reportSnapshots } from "../../schema";
import type { FeedbackRequestRow } from "./requests";

/** Invitations of the request per group and whether they count (rule 9). */
export async function countInvitationsByGroup(db: Executor, request: { id: string; orgId: string }) {
  return db
    .select({ group: invitations.group, counted: invitations.counts, n: sql<number>`count(*)::int` })
    .from(invitations)
    .where(and(eq(invitations.requestId, request.id), eq(invitations.orgId, request.orgId)))
    .groupBy(invitations.group, invitations.counts);
}

/** The organisation's current comment threshold and manager display (k stays the request's). */
export async function findReleaseSettings(
  db: Executor,
  orgId: string,
): Promise<{ commentThreshold: number; showManagerApart: boolean } | null> {
  const [org] = await db
    .select({
      commentThreshold: organisations.commentThreshold,
      showManagerApart: organisations.showManagerApart,
    })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return org ?? null;
}

export async function insertReportSnapshot(
  db: Executor,
  values: typeof reportSnapshots.$inferInsert,
): Promise<void> {
  await db.insert(reportSnapshots).values(values);
}

/** Closes the request if it is still open, or held closed by its cycle. */
export async function markRequestClosed(
  db: Executor,
  request: { id: string; orgId: string },
  values: Pick<FeedbackRequestRow, "state" | "closedAt" | "insufficientReason">,
): Promise<void> {
  await db
    .update(feedbackRequests)
    .set(values)
    .where(
      and(
        eq(feedbackRequests.id, request.id),
        eq(feedbackRequests.orgId, request.orgId),
        inArray(feedbackRequests.state, ["open", "closed"]),
      ),
    );
}

/** Names and addresses of these people of the organisation. */
export async function findPeopleContacts(db: Executor, orgId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .where(and(eq(people.orgId, orgId), inArray(people.id, [...personIds])));
}

/**
 * The open request whose deadline passed first, claimed FOR UPDATE SKIP LOCKED (so processes never
 * close one twice), skipping those that failed in this run; null when none is due.
 */
export async function claimDueRequest(
  db: Executor,
  now: Date,
  except: readonly string[],
): Promise<FeedbackRequestRow | null> {
  const [due] = await db
    .select()
    .from(feedbackRequests)
    .where(
      and(
        eq(feedbackRequests.state, "open"),
        sql`${feedbackRequests.deadline} <= ${now.toISOString()}`,
        except.length > 0 ? notInArray(feedbackRequests.id, [...except]) : undefined,
      ),
    )
    .orderBy(feedbackRequests.deadline, feedbackRequests.id)
    .limit(1)
    .for("update", { skipLocked: true });
  return due ?? null;
}
