// What a team dashboard is built from: the teams holding a manager's reports, a team's active
// members, the organisation's cycles, the members' released snapshots, requests, plans and
// check-ins. Rows only: the access policy and the domain decide what a viewer is shown.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  checkins,
  coachingPlans,
  cycles,
  feedbackRequests,
  invitations,
  people,
  reportSnapshots,
  teamMembers,
  teams,
} from "../schema";
import { snapshotOfRequest } from "./joins";

/** The teams holding at least one direct report of the manager. */
export async function listTeamIdsWithReportsOf(
  db: Executor,
  orgId: string,
  managerId: string,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .innerJoin(people, eq(people.id, teamMembers.personId))
    .where(and(eq(teamMembers.orgId, orgId), eq(people.managerId, managerId)));
  return rows.map((row) => row.teamId);
}

/**
 * Teams with their member counts, by name: these teams (those a caller may open), or every team of
 * the organisation. One grouped join on (org_id, team_id), not a count per team.
 */
export async function listTeamsWithMemberCounts(db: Executor, orgId: string, teamIds?: readonly string[]) {
  if (teamIds?.length === 0) return [];
  return db
    .select({ id: teams.id, name: teams.name, members: sql<number>`count(${teamMembers.personId})::int` })
    .from(teams)
    .leftJoin(teamMembers, and(eq(teamMembers.orgId, teams.orgId), eq(teamMembers.teamId, teams.id)))
    .where(and(eq(teams.orgId, orgId), teamIds ? inArray(teams.id, [...teamIds]) : undefined))
    .groupBy(teams.id)
    .orderBy(asc(teams.name));
}

export async function findTeamName(db: Executor, orgId: string, teamId: string): Promise<string | null> {
  const [team] = await db
    .select({ name: teams.name })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.orgId, orgId)));
  return team?.name ?? null;
}

/** The team's active members, by name. */
export async function listActiveTeamMembers(db: Executor, orgId: string, teamId: string) {
  return db
    .select({ id: people.id, name: people.name, managerId: people.managerId })
    .from(teamMembers)
    .innerJoin(people, eq(people.id, teamMembers.personId))
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.orgId, orgId), eq(people.active, true)))
    .orderBy(asc(people.name));
}

/** The organisation's cycles, oldest first. */
export async function listCycles(db: Executor, orgId: string) {
  return db
    .select({ id: cycles.id, name: cycles.name, startsOn: cycles.startsOn, endsOn: cycles.endsOn })
    .from(cycles)
    .where(eq(cycles.orgId, orgId))
    .orderBy(asc(cycles.startsOn));
}

/** The released reports about these people, newest first, with their snapshots (raw JSON). */
export async function listReleasedSnapshotsAbout(db: Executor, orgId: string, subjectIds: readonly string[]) {
  if (subjectIds.length === 0) return [];
  return db
    .select({
      requestId: feedbackRequests.id,
      subjectId: feedbackRequests.subjectId,
      requesterId: feedbackRequests.requesterId,
      cycleId: feedbackRequests.cycleId,
      releasedAt: reportSnapshots.releasedAt,
      snapshot: reportSnapshots.snapshot,
    })
    .from(reportSnapshots)
    .innerJoin(feedbackRequests, snapshotOfRequest)
    .where(
      and(
        eq(reportSnapshots.orgId, orgId),
        eq(feedbackRequests.orgId, orgId),
        inArray(feedbackRequests.subjectId, [...subjectIds]),
      ),
    )
    .orderBy(desc(reportSnapshots.releasedAt), asc(feedbackRequests.id));
}

/** Every request about these people, most recently closed first. */
export async function listRequestsAbout(db: Executor, orgId: string, subjectIds: readonly string[]) {
  if (subjectIds.length === 0) return [];
  return db
    .select({
      id: feedbackRequests.id,
      subjectId: feedbackRequests.subjectId,
      state: feedbackRequests.state,
      deadline: feedbackRequests.deadline,
      closedAt: feedbackRequests.closedAt,
    })
    .from(feedbackRequests)
    .where(and(eq(feedbackRequests.orgId, orgId), inArray(feedbackRequests.subjectId, [...subjectIds])))
    .orderBy(desc(feedbackRequests.closedAt));
}

/** Invitations on these requests, and how many of them were submitted. */
export async function countInvitationsOn(
  db: Executor,
  orgId: string,
  requestIds: readonly string[],
): Promise<{ invited: number; submitted: number }> {
  if (requestIds.length === 0) return { invited: 0, submitted: 0 };
  const [row] = await db
    .select({
      invited: sql<number>`count(*)::int`,
      submitted: sql<number>`(count(*) filter (where ${invitations.state} = 'submitted'))::int`,
    })
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), inArray(invitations.requestId, [...requestIds])));
  return { invited: row?.invited ?? 0, submitted: row?.submitted ?? 0 };
}

/** The coaching plans of these people, newest first. */
export async function listPlansOf(db: Executor, orgId: string, subjectIds: readonly string[]) {
  if (subjectIds.length === 0) return [];
  return db
    .select({
      id: coachingPlans.id,
      subjectId: coachingPlans.subjectId,
      state: coachingPlans.state,
      progress: coachingPlans.progress,
      cadence: coachingPlans.cadence,
      startsOn: coachingPlans.startsOn,
      endsOn: coachingPlans.endsOn,
      publishedAt: coachingPlans.publishedAt,
    })
    .from(coachingPlans)
    .where(and(eq(coachingPlans.orgId, orgId), inArray(coachingPlans.subjectId, [...subjectIds])))
    .orderBy(desc(coachingPlans.createdAt));
}

/** When each check-in on these plans was made. */
export async function listCheckinTimesOn(db: Executor, orgId: string, planIds: readonly string[]) {
  if (planIds.length === 0) return [];
  return db
    .select({ planId: checkins.planId, createdAt: checkins.createdAt })
    .from(checkins)
    .where(and(eq(checkins.orgId, orgId), inArray(checkins.planId, [...planIds])));
}
