// Released reports: the request behind a report with its frozen snapshot, the subject's earlier
// snapshots (for the trend), and the released reports a reader may be shown. Rows only: who may
// read which is the access policy's (apps/api/src/services/access), never decided here.
import { and, asc, desc, eq, inArray, lt, or, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { feedbackRequests, people, reportSnapshots } from "../schema";
import { snapshotOfRequest } from "./joins";

/** A request with its subject's name and, once released, its snapshot (null before). */
export async function findReportRequest(db: Executor, orgId: string, requestId: string) {
  const [row] = await db
    .select({
      requestId: feedbackRequests.id,
      state: feedbackRequests.state,
      insufficientReason: feedbackRequests.insufficientReason,
      subjectId: feedbackRequests.subjectId,
      requesterId: feedbackRequests.requesterId,
      subjectName: people.name,
      snapshot: reportSnapshots.snapshot,
      releasedAt: reportSnapshots.releasedAt,
    })
    .from(feedbackRequests)
    .innerJoin(people, eq(people.id, feedbackRequests.subjectId))
    .leftJoin(reportSnapshots, eq(reportSnapshots.requestId, feedbackRequests.id))
    .where(and(eq(feedbackRequests.id, requestId), eq(feedbackRequests.orgId, orgId)));
  return row ?? null;
}

/** The subject's reports released before `before`, oldest first, with their snapshots (raw JSON). */
export async function listEarlierReleasedReports(
  db: Executor,
  orgId: string,
  subjectId: string,
  before: Date,
) {
  return db
    .select({
      requestId: feedbackRequests.id,
      subjectId: feedbackRequests.subjectId,
      requesterId: feedbackRequests.requesterId,
      snapshot: reportSnapshots.snapshot,
      releasedAt: reportSnapshots.releasedAt,
    })
    .from(reportSnapshots)
    .innerJoin(feedbackRequests, snapshotOfRequest)
    .where(
      and(
        eq(reportSnapshots.orgId, orgId),
        eq(feedbackRequests.subjectId, subjectId),
        lt(reportSnapshots.releasedAt, before),
      ),
    )
    .orderBy(asc(reportSnapshots.releasedAt));
}

/**
 * Released reports of the organisation, newest first: every one (`everything`), or those about one
 * of `subjectIds` or requested by `requesterId`. Candidates for the policy to filter.
 */
export async function listReleasedReports(
  db: Executor,
  orgId: string,
  scope: { everything: true } | { everything: false; subjectIds: readonly string[]; requesterId: string },
) {
  const among: SQL | undefined = scope.everything
    ? undefined
    : or(
        eq(feedbackRequests.requesterId, scope.requesterId),
        scope.subjectIds.length > 0 ? inArray(feedbackRequests.subjectId, [...scope.subjectIds]) : undefined,
      );
  return (
    db
      .select({
        requestId: feedbackRequests.id,
        subjectId: feedbackRequests.subjectId,
        requesterId: feedbackRequests.requesterId,
        subjectName: people.name,
        releasedAt: reportSnapshots.releasedAt,
      })
      .from(reportSnapshots)
      // org_id on both sides of every join, so the composite indexes (org_id, subject_id) and
      // (org_id, requester_id) serve the candidates instead of a walk over every request.
      .innerJoin(feedbackRequests, snapshotOfRequest)
      .innerJoin(
        people,
        and(eq(people.orgId, feedbackRequests.orgId), eq(people.id, feedbackRequests.subjectId)),
      )
      .where(and(eq(reportSnapshots.orgId, orgId), eq(feedbackRequests.orgId, orgId), among))
      .orderBy(desc(reportSnapshots.releasedAt), desc(feedbackRequests.id))
  );
}
