// Released reports: what the access policy judges about one reader and one report (in one query),
// the frozen snapshots, and the released reports a reader may be shown. Rows only: who may read
// which is the access policy's (apps/api/src/services/access), never decided here.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  feedbackRequests,
  invitations,
  organisations,
  people,
  reportSnapshots,
  teamCoaches,
  teamMembers,
} from "../schema";
import { snapshotOfRequest } from "./joins";
import { preparedOn } from "./prepared";

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
    .leftJoin(reportSnapshots, snapshotOfRequest)
    .where(and(eq(feedbackRequests.id, requestId), eq(feedbackRequests.orgId, orgId)));
  return row ?? null;
}

/** An earlier released report of the same subject, with whether the reader rated it anonymously. */
export interface EarlierReportFacts {
  requestId: string;
  requesterId: string;
  releasedAt: string;
  ratedAnonymously: boolean;
}

// Prepared (see prepared.ts): it runs on every read of a report.
const reportReadFactsQuery = preparedOn((db) => {
  const readerId = sql.placeholder("readerId");
  const earlier = sql<EarlierReportFacts[] | null>`(select json_agg(json_build_object(
      'requestId', e.id, 'requesterId', e.requester_id, 'releasedAt', es.released_at,
      'ratedAnonymously', exists (select 1 from ${invitations} ei where ei.org_id = e.org_id
        and ei.request_id = e.id and ei.person_id = ${readerId}
        and ei."group" in ('peer', 'direct_report', 'other'))
    ) order by es.released_at)
    from ${reportSnapshots} es join ${feedbackRequests} e on e.org_id = es.org_id and e.id = es.request_id
    where es.org_id = ${feedbackRequests.orgId} and e.subject_id = ${feedbackRequests.subjectId}
      and es.released_at < ${reportSnapshots.releasedAt})`;
  // Scalar subqueries rather than joins: PGlite plans every call, and a join of four tables cost
  // more to plan than to run.
  return db
    .select({
      requestId: feedbackRequests.id,
      state: feedbackRequests.state,
      insufficientReason: feedbackRequests.insufficientReason,
      subjectId: feedbackRequests.subjectId,
      requesterId: feedbackRequests.requesterId,
      subjectName: sql<string>`(select ${people.name} from ${people}
        where ${people.orgId} = ${feedbackRequests.orgId} and ${people.id} = ${feedbackRequests.subjectId})`,
      releasedAt: reportSnapshots.releasedAt,
      ratedAnonymously: sql<boolean>`exists (select 1 from ${invitations}
        where ${invitations.orgId} = ${feedbackRequests.orgId} and ${invitations.requestId} = ${feedbackRequests.id}
          and ${invitations.personId} = ${readerId} and ${invitations.group} in ('peer', 'direct_report', 'other'))`,
      coachLinked: sql<boolean>`exists (select 1 from ${teamCoaches} join ${teamMembers}
        on ${teamMembers.orgId} = ${teamCoaches.orgId} and ${teamMembers.teamId} = ${teamCoaches.teamId}
        where ${teamCoaches.orgId} = ${feedbackRequests.orgId} and ${teamCoaches.personId} = ${readerId}
          and ${teamMembers.personId} = ${feedbackRequests.subjectId})`,
      adminsReadReports: sql<boolean>`(select ${organisations.adminsReadReports} from ${organisations}
        where ${organisations.id} = ${feedbackRequests.orgId})`,
      reportMode: sql<"scores" | "behaviours">`(select ${organisations.reportMode} from ${organisations}
        where ${organisations.id} = ${feedbackRequests.orgId})`,
      earlier,
    })
    .from(feedbackRequests)
    .leftJoin(reportSnapshots, snapshotOfRequest)
    .where(
      and(
        eq(feedbackRequests.id, sql.placeholder("requestId")),
        eq(feedbackRequests.orgId, sql.placeholder("orgId")),
      ),
    )
    .prepare("report_read_facts");
});

/**
 * Everything the access policy judges about one reader and one report, in one round trip, without
 * the snapshot's bytes: the request, whether it is released (and when), whether the reader was
 * invited to rate it anonymously, whether they are linked as a coach to a team of the subject's,
 * whether the organisation lets admins read reports, and the subject's earlier released reports
 * with the same facts (the trend shows only those the reader may read too). Null: no such request
 * in this organisation. Facts only: deciding is the policy's.
 */
export async function findReportReadFacts(db: Executor, orgId: string, requestId: string, readerId: string) {
  const [row] = await reportReadFactsQuery(db).execute({ orgId, requestId, readerId });
  if (!row) return null;
  return { ...row, earlier: row.earlier ?? [] };
}

/** The frozen snapshots of these released requests (raw JSON), by request id. */
export async function findSnapshots(db: Executor, orgId: string, requestIds: readonly string[]) {
  if (requestIds.length === 0) return new Map<string, Record<string, unknown>>();
  const rows = await db
    .select({ requestId: reportSnapshots.requestId, snapshot: reportSnapshots.snapshot })
    .from(reportSnapshots)
    .where(and(eq(reportSnapshots.orgId, orgId), inArray(reportSnapshots.requestId, [...requestIds])));
  return new Map(rows.map((row) => [row.requestId, row.snapshot]));
}

/**
 * Every released report of the organisation, newest first: the candidates for the policy to filter
 * when the reader may read everyone's (a reader who may not: `listReleasedReportsForReader`).
 */
export async function listReleasedReports(db: Executor, orgId: string) {
  return db
    .select({
      requestId: feedbackRequests.id,
      subjectId: feedbackRequests.subjectId,
      requesterId: feedbackRequests.requesterId,
      subjectName: people.name,
      releasedAt: reportSnapshots.releasedAt,
    })
    .from(reportSnapshots)
    .innerJoin(feedbackRequests, snapshotOfRequest)
    .innerJoin(
      people,
      and(eq(people.orgId, feedbackRequests.orgId), eq(people.id, feedbackRequests.subjectId)),
    )
    .where(and(eq(reportSnapshots.orgId, orgId), eq(feedbackRequests.orgId, orgId)))
    .orderBy(desc(reportSnapshots.releasedAt), desc(feedbackRequests.id));
}
