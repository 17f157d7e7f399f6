// The released reports a reader who does not read everyone's may be shown, for reports.list, with
// the facts the access policy judges each by, in one prepared statement. Rows only: who may read
// which is the access policy's (apps/api/src/services/access), never decided here.
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { union } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { feedbackRequests, invitations, people, reportSnapshots, teamCoaches, teamMembers } from "../schema";
import { preparedOn } from "./prepared";
import { qualified } from "./qualified";

// Prepared (see prepared.ts): the candidates as in listReleasedReports (a union of index lookups
// on (org_id, requester_id), (org_id, subject_id) and, with `coach`, the coachees through
// team_coaches (org_id, person_id); each snapshot probed by its key), with whether the reader
// rated each anonymously and is linked as a coach to a team of its subject's, so no list of ids
// goes back to the database for a second statement.
const releasedReportsForReaderQuery = preparedOn((db) => {
  const orgId = sql.placeholder("orgId");
  const readerId = sql.placeholder("readerId");
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
    .where(and(eq(teamCoaches.orgId, orgId), eq(teamCoaches.personId, readerId)));
  const candidates = union(
    requestsWhere(eq(feedbackRequests.requesterId, readerId)),
    requestsWhere(eq(feedbackRequests.subjectId, readerId)),
    requestsWhere(
      sql`${sql.placeholder("coach")}::boolean and ${qualified(feedbackRequests.subjectId)} in ${coachees}`,
    ),
  ).as("candidate");
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
      ratedAnonymously: sql<boolean>`exists (select 1 from ${invitations} ri where ri.org_id = ${candidates.orgId}
        and ri.request_id = ${candidates.id} and ri.person_id = ${readerId}
        and ri."group" in ('peer', 'direct_report', 'other'))`,
      coachLinked: sql<boolean>`exists (select 1 from ${teamCoaches} lc join ${teamMembers} lm
        on lm.org_id = lc.org_id and lm.team_id = lc.team_id
        where lc.org_id = ${candidates.orgId} and lc.person_id = ${readerId}
          and lm.person_id = ${candidates.subjectId})`,
    })
    .from(candidates)
    .innerJoinLateral(snapshot, sql`true`)
    .innerJoin(people, and(eq(people.orgId, candidates.orgId), eq(people.id, candidates.subjectId)))
    .where(eq(people.orgId, orgId))
    .orderBy(desc(snapshot.releasedAt), desc(candidates.id))
    .prepare("released_reports_for_reader");
});

/**
 * Released reports about the reader, requested by them, or (`coach`: they hold the role) about
 * the people of the teams they are linked to as a coach, newest first; each with whether the
 * reader was invited to rate it in an anonymous group and whether they are linked as a coach to a
 * team of its subject's. Candidates and facts for the policy to judge.
 */
export async function listReleasedReportsForReader(
  db: Executor,
  orgId: string,
  reader: { id: string; coach: boolean },
) {
  return releasedReportsForReaderQuery(db).execute({ orgId, readerId: reader.id, coach: reader.coach });
}
