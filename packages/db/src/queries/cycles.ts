// Cycles: the rows of a cycle, the organisation facts its pre-flight judges, its requests in bulk,
// its progress counts and the released figures its organisation view aggregates. Facts only; the
// decisions are the domain's (packages/domain/src/cycles).
import { and, asc, count, desc, eq, gt, inArray, isNull, max, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import {
  cycles,
  feedbackRequests,
  invitations,
  nominations,
  organisations,
  people,
  reportSnapshots,
  teamCoaches,
  teamMembers,
  teams,
} from "../schema";
import { snapshotOfRequest } from "./joins";

export type CycleRow = typeof cycles.$inferSelect;
export type NewCycle = typeof cycles.$inferInsert;

export async function insertCycle(db: Executor, values: NewCycle): Promise<CycleRow> {
  const [row] = await db.insert(cycles).values(values).returning();
  if (!row) throw new Error("cycle insert returned nothing");
  return row;
}

export async function findCycle(
  db: Executor,
  orgId: string,
  cycleId: string,
  lock?: "update",
): Promise<CycleRow | undefined> {
  const query = db
    .select()
    .from(cycles)
    .where(and(eq(cycles.orgId, orgId), eq(cycles.id, cycleId)));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export async function findCycleByName(
  db: Executor,
  orgId: string,
  name: string,
): Promise<CycleRow | undefined> {
  const [row] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.orgId, orgId), eq(cycles.name, name)));
  return row;
}

export async function listOrgCycles(db: Executor, orgId: string): Promise<CycleRow[]> {
  return db
    .select()
    .from(cycles)
    .where(eq(cycles.orgId, orgId))
    .orderBy(desc(cycles.startsOn), asc(cycles.name));
}

export async function updateCycle(
  db: Executor,
  orgId: string,
  cycleId: string,
  values: Partial<Omit<NewCycle, "id" | "orgId">>,
): Promise<CycleRow> {
  const [row] = await db
    .update(cycles)
    .set(values)
    .where(and(eq(cycles.orgId, orgId), eq(cycles.id, cycleId)))
    .returning();
  if (!row) throw new Error("cycle vanished while updating");
  return row;
}

/** Cycles of every organisation whose stored phase may be due to move on (for the phase job). */
export async function listRunningCycles(db: Executor): Promise<CycleRow[]> {
  return db
    .select()
    .from(cycles)
    .where(inArray(cycles.phase, ["nominations", "answering", "closed"]));
}

/** The rows with the teams each person belongs to (one query for the whole organisation). */
async function withTeamIds<T extends { id: string }>(
  db: Executor,
  orgId: string,
  rows: readonly T[],
): Promise<Array<T & { teamIds: string[] }>> {
  const memberships = await db
    .select({ personId: teamMembers.personId, teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(eq(teamMembers.orgId, orgId));
  const teamsOf = new Map<string, string[]>();
  for (const m of memberships) {
    const list = teamsOf.get(m.personId);
    if (list) list.push(m.teamId);
    else teamsOf.set(m.personId, [m.teamId]);
  }
  return rows.map((row) => ({ ...row, teamIds: teamsOf.get(row.id) ?? [] }));
}

export interface CyclePersonFacts {
  id: string;
  name: string;
  managerId: string | null;
  teamIds: string[];
}

/** Active people of the organisation with their manager and teams, for the pre-flight. */
export async function listCyclePeople(db: Executor, orgId: string): Promise<CyclePersonFacts[]> {
  const rows = await db
    .select({ id: people.id, name: people.name, managerId: people.managerId })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.active, true)))
    .orderBy(asc(people.id));
  return withTeamIds(db, orgId, rows);
}

/** Of these ids, the teams that belong to the organisation. */
export async function findTeamIds(
  db: Executor,
  orgId: string,
  teamIds: readonly string[],
): Promise<Set<string>> {
  if (teamIds.length === 0) return new Set();
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), inArray(teams.id, [...teamIds])));
  return new Set(rows.map((row) => row.id));
}

/** Subjects with a request in draft or collecting answers (outside the given cycle, when one is given). */
export async function findActiveRequestSubjects(
  db: Executor,
  orgId: string,
  exceptCycleId?: string,
): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ subjectId: feedbackRequests.subjectId })
    .from(feedbackRequests)
    .where(
      and(
        eq(feedbackRequests.orgId, orgId),
        inArray(feedbackRequests.state, ["draft", "open"]),
        exceptCycleId ? sql`${feedbackRequests.cycleId} is distinct from ${exceptCycleId}` : undefined,
      ),
    );
  return new Set(rows.map((row) => row.subjectId));
}

/** Per subject, when their latest report was released. */
export async function findLastReleases(db: Executor, orgId: string): Promise<Map<string, Date>> {
  const rows = await db
    .select({ subjectId: feedbackRequests.subjectId, at: max(reportSnapshots.releasedAt) })
    .from(reportSnapshots)
    .innerJoin(feedbackRequests, snapshotOfRequest)
    .where(eq(reportSnapshots.orgId, orgId))
    .groupBy(feedbackRequests.subjectId);
  return new Map(rows.flatMap((row) => (row.at ? [[row.subjectId, row.at] as const] : [])));
}

export async function findHistoryWindowDays(db: Executor, orgId: string): Promise<number> {
  const [row] = await db
    .select({ days: organisations.historyWindowDays })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return row?.days ?? 120;
}

export interface CycleRequestDraft {
  subjectId: string;
  requesterId: string;
  raters: Array<{ personId: string; group: "manager" | "direct_report" }>;
}

/**
 * One draft request per subject in the cycle, with the nominations the rules require already
 * approved. One call per batch, inside the caller's transaction.
 */
export async function insertCycleRequests(
  db: Executor,
  cycle: { id: string; orgId: string; deadline: Date; threshold: number; instrumentVersion: number },
  drafts: readonly CycleRequestDraft[],
): Promise<number> {
  if (drafts.length === 0) return 0;
  const inserted = await db
    .insert(feedbackRequests)
    .values(
      drafts.map((draft) => ({
        orgId: cycle.orgId,
        subjectId: draft.subjectId,
        requesterId: draft.requesterId,
        deadline: cycle.deadline,
        threshold: cycle.threshold,
        instrumentVersion: cycle.instrumentVersion,
        cycleId: cycle.id,
      })),
    )
    .returning({ id: feedbackRequests.id, subjectId: feedbackRequests.subjectId });
  const requestOf = new Map(inserted.map((row) => [row.subjectId, row.id]));
  const rows = drafts.flatMap((draft) =>
    draft.raters.map((rater) => ({
      orgId: cycle.orgId,
      requestId: requestOf.get(draft.subjectId) as string,
      personId: rater.personId,
      group: rater.group,
      proposedById: draft.requesterId,
      approved: true,
    })),
  );
  for (let start = 0; start < rows.length; start += 2000) {
    await db.insert(nominations).values(rows.slice(start, start + 2000));
  }
  return inserted.length;
}

/** Requests of a cycle by state. */
/**
 * Refreshes the planner's statistics of the tables a launch fills: a launch for a whole
 * organisation adds thousands of requests and nominations at once, and until autovacuum comes by
 * the planner believes the cycle holds one request and picks nested loops over all of them.
 */
export async function analyzeLaunchedTables(db: Executor): Promise<void> {
  await db.execute(sql`analyze ${feedbackRequests}, ${nominations}`);
}

/** Refreshes the planner's statistics of every table (after a bulk load such as seed:large). */
export async function refreshPlannerStatistics(db: Executor): Promise<void> {
  await db.execute(sql`analyze`);
}

export async function countCycleRequestsByState(
  db: Executor,
  orgId: string,
  cycleId: string,
): Promise<Record<string, number>> {
  const rows = await db
    .select({ state: feedbackRequests.state, n: count() })
    .from(feedbackRequests)
    .where(and(eq(feedbackRequests.orgId, orgId), eq(feedbackRequests.cycleId, cycleId)))
    .groupBy(feedbackRequests.state);
  return Object.fromEntries(rows.map((row) => [row.state, row.n]));
}

export interface TeamParticipation {
  teamId: string;
  name: string;
  /** Members of the team. */
  people: number;
  /** Members of the team who are subjects of the cycle. */
  subjects: number;
  /** Invitations to rate the team's subjects, and how many were answered. */
  invited: number;
  answered: number;
}

/**
 * Per team, the invitations to rate the team's subjects in this cycle and how many were answered.
 * Counted by the subject's team, never by the rater's: a team an admin makes around one rater
 * would otherwise show whether that rater answered (rule 8). Only invitations that count towards
 * k: whether a rater who does not count answered is shown nowhere (each request's own progress
 * hides it), and a team's sum must not tell it by subtraction.
 */
export async function cycleParticipationByTeam(
  db: Executor,
  orgId: string,
  cycleId: string,
): Promise<TeamParticipation[]> {
  const sizes = await db
    .select({ teamId: teams.id, name: teams.name, people: count(teamMembers.personId) })
    .from(teams)
    .leftJoin(teamMembers, and(eq(teamMembers.orgId, teams.orgId), eq(teamMembers.teamId, teams.id)))
    .where(eq(teams.orgId, orgId))
    .groupBy(teams.id, teams.name)
    .orderBy(asc(teams.name));
  // The cycle's invitations through the (org_id, cycle_id) index, counted per request and summed
  // per team: probing the invitations of each of 10,000 requests was 70 ms of index lookups, and
  // joining every invitation to the team memberships sorted ~80,000 rows and spilled to disk.
  const perRequest = db
    .select({
      requestId: invitations.requestId,
      invited: count().as("invited"),
      answered: sql<number>`count(*) filter (where ${invitations.state} = 'submitted')`.as("answered"),
    })
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.cycleId, cycleId), eq(invitations.counts, true)))
    .groupBy(invitations.requestId)
    .as("per_request");
  const counts = await db
    .select({
      teamId: teamMembers.teamId,
      subjects: sql<number>`count(distinct ${feedbackRequests.subjectId})`.mapWith(Number),
      invited: sql<number>`coalesce(sum(${perRequest.invited}), 0)`.mapWith(Number),
      answered: sql<number>`coalesce(sum(${perRequest.answered}), 0)`.mapWith(Number),
    })
    .from(feedbackRequests)
    .innerJoin(
      teamMembers,
      and(
        eq(teamMembers.orgId, feedbackRequests.orgId),
        eq(teamMembers.personId, feedbackRequests.subjectId),
      ),
    )
    .leftJoin(perRequest, eq(perRequest.requestId, feedbackRequests.id))
    .where(and(eq(feedbackRequests.orgId, orgId), eq(feedbackRequests.cycleId, cycleId)))
    .groupBy(teamMembers.teamId);
  const byTeam = new Map(counts.map((row) => [row.teamId, row]));
  return sizes.map((team) => ({
    ...team,
    subjects: byTeam.get(team.teamId)?.subjects ?? 0,
    invited: byTeam.get(team.teamId)?.invited ?? 0,
    answered: byTeam.get(team.teamId)?.answered ?? 0,
  }));
}

/**
 * Invitations of the cycle that count towards k, and how many were answered, organisation-wide.
 * Only those: whether a rater who does not count answered is shown nowhere (each request's own
 * progress hides it), so the organisation's figure must not tell it by subtracting the requests'.
 */
export async function cycleParticipation(
  db: Executor,
  orgId: string,
  cycleId: string,
): Promise<{ invited: number; answered: number }> {
  const [row] = await db
    .select({
      invited: count(),
      answered: sql<number>`count(*) filter (where ${invitations.state} = 'submitted')`.mapWith(Number),
    })
    .from(invitations)
    .innerJoin(
      feedbackRequests,
      and(eq(feedbackRequests.orgId, invitations.orgId), eq(feedbackRequests.id, invitations.requestId)),
    )
    .where(
      and(eq(invitations.orgId, orgId), eq(feedbackRequests.cycleId, cycleId), eq(invitations.counts, true)),
    );
  return { invited: row?.invited ?? 0, answered: row?.answered ?? 0 };
}

export interface ReleasedFigures {
  requestId: string;
  subjectId: string;
  requesterId: string;
  inspire: number | null;
  vision: number | null;
  empower: number | null;
  dream: number | null;
  risk: number | null;
}

/** The five dimension means of every released report of the cycle (from the generated columns). */
export async function listCycleFigures(
  db: Executor,
  orgId: string,
  cycleId: string,
): Promise<ReleasedFigures[]> {
  return db
    .select({
      requestId: reportSnapshots.requestId,
      subjectId: feedbackRequests.subjectId,
      requesterId: feedbackRequests.requesterId,
      inspire: reportSnapshots.inspire,
      vision: reportSnapshots.vision,
      empower: reportSnapshots.empower,
      dream: reportSnapshots.dream,
      risk: reportSnapshots.risk,
    })
    .from(reportSnapshots)
    .innerJoin(feedbackRequests, snapshotOfRequest)
    .where(
      and(
        eq(reportSnapshots.orgId, orgId),
        eq(feedbackRequests.cycleId, cycleId),
        eq(feedbackRequests.state, "released"),
      ),
    );
}

export interface GroupingFacts {
  id: string;
  managerId: string | null;
  department: string | null;
  location: string | null;
  teamIds: string[];
}

/** What the organisation view groups people by: teams, reporting line, department, location. */
export async function listGroupingFacts(db: Executor, orgId: string): Promise<GroupingFacts[]> {
  const rows = await db
    .select({
      id: people.id,
      managerId: people.managerId,
      department: people.department,
      location: people.location,
    })
    .from(people)
    .where(eq(people.orgId, orgId));
  return withTeamIds(db, orgId, rows);
}

export async function listTeamLabels(db: Executor, orgId: string): Promise<Map<string, string>> {
  const rows = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.orgId, orgId));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Every (coach, coached person) pair of the organisation, through the teams they coach. */
export async function listCoachPairs(
  db: Executor,
  orgId: string,
): Promise<Array<{ coachId: string; personId: string }>> {
  return db
    .selectDistinct({ coachId: teamCoaches.personId, personId: teamMembers.personId })
    .from(teamCoaches)
    .innerJoin(
      teamMembers,
      and(eq(teamMembers.orgId, teamCoaches.orgId), eq(teamMembers.teamId, teamCoaches.teamId)),
    )
    .where(eq(teamCoaches.orgId, orgId));
}

/** Subjects whose reports in this cycle the person requested. */
export async function findRequestedSubjects(
  db: Executor,
  orgId: string,
  personId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ subjectId: feedbackRequests.subjectId })
    .from(feedbackRequests)
    .where(and(eq(feedbackRequests.orgId, orgId), eq(feedbackRequests.requesterId, personId)));
  return new Set(rows.map((row) => row.subjectId));
}

/** Subjects of this cycle that already have a request in it (a launch that resumes skips them). */
export async function findCycleSubjects(db: Executor, orgId: string, cycleId: string): Promise<Set<string>> {
  const rows = await db
    .select({ subjectId: feedbackRequests.subjectId })
    .from(feedbackRequests)
    .where(and(eq(feedbackRequests.orgId, orgId), eq(feedbackRequests.cycleId, cycleId)));
  return new Set(rows.map((row) => row.subjectId));
}

/** Moves the deadline of the cycle's requests that are still in draft or collecting answers. */
export async function updateCycleDeadlines(
  db: Executor,
  orgId: string,
  cycleId: string,
  deadline: Date,
): Promise<number> {
  const rows = await db
    .update(feedbackRequests)
    .set({ deadline })
    .where(
      and(
        eq(feedbackRequests.orgId, orgId),
        eq(feedbackRequests.cycleId, cycleId),
        inArray(feedbackRequests.state, ["draft", "open"]),
      ),
    )
    .returning({ id: feedbackRequests.id });
  return rows.length;
}

/**
 * Claims the next request of the cycle in the given state after `afterId` (in id order) for this
 * transaction, FOR UPDATE SKIP LOCKED: several processes advancing one cycle never take the same
 * request, and one run takes each request once.
 */
export async function claimCycleRequest(
  db: Executor,
  orgId: string,
  cycleId: string,
  state: "draft" | "open" | "closed",
  afterId: string | null,
): Promise<typeof feedbackRequests.$inferSelect | null> {
  const [row] = await db
    .select()
    .from(feedbackRequests)
    .where(
      and(
        eq(feedbackRequests.orgId, orgId),
        eq(feedbackRequests.cycleId, cycleId),
        eq(feedbackRequests.state, state),
        afterId ? gt(feedbackRequests.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(feedbackRequests.id))
    .limit(1)
    .for("update", { skipLocked: true });
  return row ?? null;
}

/** Approves the nominations of a request its manager left undecided (at the close of nominations). */
export async function approvePendingNominations(
  db: Executor,
  orgId: string,
  requestId: string,
): Promise<number> {
  const rows = await db
    .update(nominations)
    .set({ approved: true })
    .where(
      and(eq(nominations.orgId, orgId), eq(nominations.requestId, requestId), isNull(nominations.approved)),
    )
    .returning({ id: nominations.id });
  return rows.length;
}

/** Moves the cycle from one phase to the next, only if it is still in `from` (several processes). */
export async function moveCyclePhase(
  db: Executor,
  cycleId: string,
  from: CycleRow["phase"],
  to: CycleRow["phase"],
  releasedAt?: Date,
): Promise<boolean> {
  const rows = await db
    .update(cycles)
    .set({ phase: to, ...(releasedAt ? { releasedAt } : {}) })
    .where(and(eq(cycles.id, cycleId), eq(cycles.phase, from)))
    .returning({ id: cycles.id });
  return rows.length > 0;
}

export async function findOrgForCycle(db: Executor, orgId: string) {
  const [row] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      anonymityThreshold: organisations.anonymityThreshold,
      language: organisations.language,
    })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return row && { ...row, language: row.language as "en" | "de" };
}

/** Open requests of the cycle not reminded since `since`. */
export async function listCycleRequestsToRemind(
  db: Executor,
  orgId: string,
  cycleId: string,
  since: Date,
): Promise<string[]> {
  const rows = await db
    .select({ id: feedbackRequests.id })
    .from(feedbackRequests)
    .where(
      and(
        eq(feedbackRequests.orgId, orgId),
        eq(feedbackRequests.cycleId, cycleId),
        eq(feedbackRequests.state, "open"),
        sql`(${feedbackRequests.remindedAt} is null or ${feedbackRequests.remindedAt} < ${since.toISOString()})`,
      ),
    )
    .orderBy(asc(feedbackRequests.id));
  return rows.map((row) => row.id);
}

/** Peers proposed for a request so far (not removed). */
export async function countPeerNominations(db: Executor, orgId: string, requestId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(nominations)
    .where(
      and(
        eq(nominations.orgId, orgId),
        eq(nominations.requestId, requestId),
        eq(nominations.group, "peer"),
        sql`${nominations.approved} is distinct from false`,
      ),
    );
  return row?.n ?? 0;
}

/** How many requests of the cycle already ask this person to rate (nominations not removed). */
export async function countCycleAsks(
  db: Executor,
  orgId: string,
  cycleId: string,
  personId: string,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(nominations)
    .innerJoin(
      feedbackRequests,
      and(eq(feedbackRequests.orgId, nominations.orgId), eq(feedbackRequests.id, nominations.requestId)),
    )
    .where(
      and(
        eq(nominations.orgId, orgId),
        eq(nominations.personId, personId),
        eq(feedbackRequests.cycleId, cycleId),
        sql`${nominations.approved} is distinct from false`,
      ),
    );
  return row?.n ?? 0;
}

export interface ManagerNominationRow {
  requestId: string;
  requestState: string;
  subjectId: string;
  subjectName: string;
  nominationId: string | null;
  personId: string | null;
  personName: string | null;
  email: string | null;
  group: string | null;
  approved: boolean | null;
}

/** The cycle's requests a manager steers, with every nomination and the nominees' names. */
export async function listNominationsForManager(
  db: Executor,
  orgId: string,
  cycleId: string,
  managerId: string,
): Promise<ManagerNominationRow[]> {
  const subject = alias(people, "subject");
  const nominee = alias(people, "nominee");
  return db
    .select({
      requestId: feedbackRequests.id,
      requestState: feedbackRequests.state,
      subjectId: feedbackRequests.subjectId,
      subjectName: subject.name,
      nominationId: nominations.id,
      personId: nominations.personId,
      personName: nominee.name,
      email: nominations.email,
      group: nominations.group,
      approved: nominations.approved,
    })
    .from(feedbackRequests)
    .innerJoin(
      subject,
      and(eq(subject.orgId, feedbackRequests.orgId), eq(subject.id, feedbackRequests.subjectId)),
    )
    .leftJoin(
      nominations,
      and(eq(nominations.orgId, feedbackRequests.orgId), eq(nominations.requestId, feedbackRequests.id)),
    )
    .leftJoin(nominee, and(eq(nominee.orgId, nominations.orgId), eq(nominee.id, nominations.personId)))
    .where(
      and(
        eq(feedbackRequests.orgId, orgId),
        eq(feedbackRequests.cycleId, cycleId),
        eq(feedbackRequests.requesterId, managerId),
        inArray(feedbackRequests.state, ["draft", "open"]),
      ),
    )
    .orderBy(asc(subject.name), asc(feedbackRequests.id), asc(nominee.name));
}

/** The people who report to this manager. */
export async function findDirectReportIds(db: Executor, orgId: string, managerId: string): Promise<string[]> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.managerId, managerId)));
  return rows.map((row) => row.id);
}
