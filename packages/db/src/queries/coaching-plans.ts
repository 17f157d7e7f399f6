// Reading coaching plans, their support circles and check-ins. Every query is scoped by org id.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import {
  checkins,
  coachingPlans,
  encouragements,
  partnerships,
  people,
  teamCoaches,
  teamMembers,
} from "../schema";

export type CoachingPlanRow = typeof coachingPlans.$inferSelect;
export type CheckinRow = typeof checkins.$inferSelect;

export async function findCoachingPlan(
  db: Executor,
  orgId: string,
  planId: string,
  lock?: "update",
): Promise<CoachingPlanRow | null> {
  const query = db
    .select()
    .from(coachingPlans)
    .where(and(eq(coachingPlans.orgId, orgId), eq(coachingPlans.id, planId)));
  const [row] = await (lock === "update" ? query.for("update") : query);
  return row ?? null;
}

export interface PartnershipWithPerson {
  id: string;
  planId: string;
  personId: string;
  name: string;
  email: string;
  /** Whether the person is still active (deactivated people get no more mail). */
  active: boolean;
  role: "partner" | "lead";
  state: "invited" | "accepted" | "declined";
  invitedAt: Date;
  respondedAt: Date | null;
}

/** The circles of the given plans, in invitation order. */
export async function listPlanPartnerships(
  db: Executor,
  orgId: string,
  planIds: readonly string[],
): Promise<PartnershipWithPerson[]> {
  if (planIds.length === 0) return [];
  return db
    .select({
      id: partnerships.id,
      planId: partnerships.planId,
      personId: partnerships.personId,
      name: people.name,
      email: people.email,
      active: people.active,
      role: partnerships.role,
      state: partnerships.state,
      invitedAt: partnerships.invitedAt,
      respondedAt: partnerships.respondedAt,
    })
    .from(partnerships)
    .innerJoin(people, eq(people.id, partnerships.personId))
    .where(and(eq(partnerships.orgId, orgId), inArray(partnerships.planId, [...planIds])))
    .orderBy(asc(partnerships.invitedAt), asc(partnerships.id));
}

/** Whether `coachId` coaches a team that `personId` belongs to. */
export async function coachesPerson(db: Executor, orgId: string, coachId: string, personId: string) {
  const [row] = await db
    .select({ teamId: teamCoaches.teamId })
    .from(teamCoaches)
    .innerJoin(
      teamMembers,
      and(
        eq(teamMembers.orgId, teamCoaches.orgId),
        eq(teamMembers.teamId, teamCoaches.teamId),
        eq(teamMembers.personId, personId),
      ),
    )
    .where(and(eq(teamCoaches.orgId, orgId), eq(teamCoaches.personId, coachId)))
    .limit(1);
  return Boolean(row);
}

/** The people in the teams `coachId` coaches. */
export async function listCoachees(db: Executor, orgId: string, coachId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ personId: teamMembers.personId })
    .from(teamMembers)
    .innerJoin(
      teamCoaches,
      and(eq(teamCoaches.orgId, teamMembers.orgId), eq(teamCoaches.teamId, teamMembers.teamId)),
    )
    .where(and(eq(teamMembers.orgId, orgId), eq(teamCoaches.personId, coachId)));
  return rows.map((row) => row.personId);
}

export interface CheckinWithEncouragements extends CheckinRow {
  encouragements: Array<{ id: string; authorId: string; authorName: string; text: string; createdAt: Date }>;
}

/** A plan's check-ins, newest first, each with its encouragement, oldest first. */
export async function listPlanCheckins(
  db: Executor,
  orgId: string,
  planId: string,
): Promise<CheckinWithEncouragements[]> {
  const rows = await db
    .select()
    .from(checkins)
    .where(and(eq(checkins.orgId, orgId), eq(checkins.planId, planId)))
    .orderBy(desc(checkins.createdAt), desc(checkins.id));
  if (rows.length === 0) return [];
  const notes = await db
    .select({
      id: encouragements.id,
      checkinId: encouragements.checkinId,
      authorId: encouragements.authorId,
      authorName: people.name,
      text: encouragements.text,
      createdAt: encouragements.createdAt,
    })
    .from(encouragements)
    .innerJoin(people, eq(people.id, encouragements.authorId))
    .where(
      and(
        eq(encouragements.orgId, orgId),
        inArray(
          encouragements.checkinId,
          rows.map((row) => row.id),
        ),
      ),
    )
    .orderBy(asc(encouragements.createdAt), asc(encouragements.id));
  return rows.map((row) => ({
    ...row,
    encouragements: notes
      .filter((note) => note.checkinId === row.id)
      .map(({ checkinId: _, ...note }) => note),
  }));
}

/** When each plan's check-ins were logged, oldest first, for schedules and reminders. */
export async function listCheckinTimes(
  db: Executor,
  orgId: string,
  planIds: readonly string[],
): Promise<Map<string, Date[]>> {
  const result = new Map<string, Date[]>();
  if (planIds.length === 0) return result;
  const rows = await db
    .select({ planId: checkins.planId, createdAt: checkins.createdAt })
    .from(checkins)
    .where(and(eq(checkins.orgId, orgId), inArray(checkins.planId, [...planIds])))
    .orderBy(asc(checkins.createdAt));
  for (const row of rows) result.set(row.planId, [...(result.get(row.planId) ?? []), row.createdAt]);
  return result;
}
