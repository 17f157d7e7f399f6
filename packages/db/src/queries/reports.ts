// Released reports: the request behind a report with its frozen snapshot, the subject's earlier
// snapshots (for the trend), and the released reports a reader may be shown. Rows only: who may
// read which is the access policy's (apps/api/src/services/access), never decided here.
import { and, asc, desc, eq, inArray, lt, type SQL, sql } from "drizzle-orm";
import { union } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { feedbackRequests, people, reportSnapshots, teamCoaches, teamMembers } from "../schema";
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
 * Released reports of the organisation, newest first: every one (`everything`), or those about the
 * reader, requested by them, or (`asCoach`) about the people of the teams they coach. Candidates
 * for the policy to filter.
 */
export async function listReleasedReports(
  db: Executor,
  orgId: string,
  scope: { everything: true } | { everything: false; readerId: string; asCoach: boolean },
) {
  const fields = {
    requestId: feedbackRequests.id,
    subjectId: feedbackRequests.subjectId,
    requesterId: feedbackRequests.requesterId,
    subjectName: people.name,
  };
  const subject = and(eq(people.orgId, feedbackRequests.orgId), eq(people.id, feedbackRequests.subjectId));
  if (scope.everything) {
    return db
      .select({ ...fields, releasedAt: reportSnapshots.releasedAt })
      .from(reportSnapshots)
      .innerJoin(feedbackRequests, snapshotOfRequest)
      .innerJoin(people, subject)
      .where(and(eq(reportSnapshots.orgId, orgId), eq(feedbackRequests.orgId, orgId)))
      .orderBy(desc(reportSnapshots.releasedAt), desc(feedbackRequests.id));
  }
  // One query: the candidate requests as a union of index lookups, (org_id, requester_id),
  // (org_id, subject_id) and the coachees through (org_id, person_id) of team_coaches, never a list
  // of ids sent back (a coach of 62 teams has 490 coachees: `= any(list)` over every request).
  const requestsWhere = (where: SQL) =>
    db
      .select({
        id: feedbackRequests.id,
        orgId: feedbackRequests.orgId,
        subjectId: feedbackRequests.subjectId,
        requesterId: feedbackRequests.requesterId,
      })
      .from(feedbackRequests)
      .where(and(eq(feedbackRequests.orgId, orgId), where));
  const coachees = db
    .select({ personId: teamMembers.personId })
    .from(teamCoaches)
    .innerJoin(
      teamMembers,
      and(eq(teamMembers.orgId, teamCoaches.orgId), eq(teamMembers.teamId, teamCoaches.teamId)),
    )
    .where(and(eq(teamCoaches.orgId, orgId), eq(teamCoaches.personId, scope.readerId)));
  const candidates = union(
    requestsWhere(eq(feedbackRequests.requesterId, scope.readerId)),
    requestsWhere(eq(feedbackRequests.subjectId, scope.readerId)),
    ...(scope.asCoach ? [requestsWhere(inArray(feedbackRequests.subjectId, coachees))] : []),
  ).as("candidate");
  // Each candidate's snapshot by its primary key: as a plain join the planner hashes every snapshot
  // of the organisation (18,879 at 10,000 people) for a coach's 900; the LIMIT keeps it a probe.
  const snapshot = db
    .select({ releasedAt: reportSnapshots.releasedAt })
    .from(reportSnapshots)
    .where(and(eq(reportSnapshots.orgId, candidates.orgId), eq(reportSnapshots.requestId, candidates.id)))
    .limit(1)
    .as("snapshot");
  return db
    .select({
      requestId: candidates.id,
      subjectId: candidates.subjectId,
      requesterId: candidates.requesterId,
      subjectName: people.name,
      releasedAt: snapshot.releasedAt,
    })
    .from(candidates)
    .innerJoinLateral(snapshot, sql`true`)
    .innerJoin(people, and(eq(people.orgId, candidates.orgId), eq(people.id, candidates.subjectId)))
    .where(eq(people.orgId, orgId))
    .orderBy(desc(snapshot.releasedAt), desc(candidates.id));
}
