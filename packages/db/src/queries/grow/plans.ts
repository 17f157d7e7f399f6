// Coaching plans: the plan row, the released report it grows from, the lists of plans, and the
// claims of the check-in reminder job. Every query of a member's request is scoped by org id.
import { and, asc, desc, eq, gt, inArray, or } from "drizzle-orm";
import type { Executor } from "../../client";
import { coachingPlans, feedbackRequests, people, reportSnapshots } from "../../schema";

export type CoachingPlanRow = typeof coachingPlans.$inferSelect;
export type NewCoachingPlan = typeof coachingPlans.$inferInsert;
/** The columns a plan change may set (never its organisation, report or owner). */
export type CoachingPlanChange = Partial<Omit<NewCoachingPlan, "id" | "orgId" | "requestId" | "subjectId">>;

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

/** The feedback request a plan would grow from: whose it is and whether it is released. */
export async function findPlanSourceRequest(
  db: Executor,
  orgId: string,
  requestId: string,
): Promise<Pick<typeof feedbackRequests.$inferSelect, "id" | "subjectId" | "state"> | null> {
  const [row] = await db
    .select({ id: feedbackRequests.id, subjectId: feedbackRequests.subjectId, state: feedbackRequests.state })
    .from(feedbackRequests)
    .where(and(eq(feedbackRequests.orgId, orgId), eq(feedbackRequests.id, requestId)));
  return row ?? null;
}

/** The frozen snapshot of a released report (raw JSON: parse it with the domain's schema). */
export async function findPlanReportSnapshot(
  db: Executor,
  orgId: string,
  requestId: string,
): Promise<{ snapshot: unknown; releasedAt: Date } | null> {
  const [row] = await db
    .select({ snapshot: reportSnapshots.snapshot, releasedAt: reportSnapshots.releasedAt })
    .from(reportSnapshots)
    .where(and(eq(reportSnapshots.orgId, orgId), eq(reportSnapshots.requestId, requestId)));
  return row ?? null;
}

/** A new plan, or null when the report already has one (one plan per report). */
export async function insertCoachingPlan(db: Executor, plan: NewCoachingPlan): Promise<string | null> {
  const [row] = await db
    .insert(coachingPlans)
    .values(plan)
    .onConflictDoNothing()
    .returning({ id: coachingPlans.id });
  return row?.id ?? null;
}

export async function updateCoachingPlan(
  db: Executor,
  orgId: string,
  planId: string,
  change: CoachingPlanChange,
): Promise<CoachingPlanRow | null> {
  const [row] = await db
    .update(coachingPlans)
    .set(change)
    .where(and(eq(coachingPlans.orgId, orgId), eq(coachingPlans.id, planId)))
    .returning();
  return row ?? null;
}

/** The plan owner's name and address (a person of the organisation), or null. */
export async function findPlanOwner(
  db: Executor,
  orgId: string,
  personId: string,
): Promise<{ id: string; name: string; email: string } | null> {
  const [row] = await db
    .select({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.id, personId)));
  return row ?? null;
}

/** The plans of `personId` and of the people in `coacheeIds`, with their owner's name, newest first. */
export async function listOwnedAndCoachedPlans(
  db: Executor,
  orgId: string,
  personId: string,
  coacheeIds: readonly string[],
): Promise<Array<{ plan: CoachingPlanRow; subjectName: string }>> {
  return db
    .select({ plan: coachingPlans, subjectName: people.name })
    .from(coachingPlans)
    .innerJoin(people, eq(people.id, coachingPlans.subjectId))
    .where(
      and(
        eq(coachingPlans.orgId, orgId),
        coacheeIds.length > 0
          ? or(eq(coachingPlans.subjectId, personId), inArray(coachingPlans.subjectId, [...coacheeIds]))
          : eq(coachingPlans.subjectId, personId),
      ),
    )
    .orderBy(desc(coachingPlans.createdAt), desc(coachingPlans.id));
}

/** Ids of active plans (of every organisation) after `after`, in id order: the reminder job's pages. */
export async function listActivePlanIdsAfter(db: Executor, after: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: coachingPlans.id })
    .from(coachingPlans)
    .where(and(eq(coachingPlans.state, "active"), gt(coachingPlans.id, after)))
    .orderBy(asc(coachingPlans.id))
    .limit(limit);
  return rows.map((row) => row.id);
}

/**
 * Claims an active plan with its owner for the reminder job (FOR UPDATE SKIP LOCKED: a plan
 * another process is reminding about is skipped), or null.
 */
export async function claimActivePlan(
  db: Executor,
  planId: string,
): Promise<{ plan: CoachingPlanRow; subject: typeof people.$inferSelect } | null> {
  const [row] = await db
    .select({ plan: coachingPlans, subject: people })
    .from(coachingPlans)
    .innerJoin(people, eq(people.id, coachingPlans.subjectId))
    .where(and(eq(coachingPlans.id, planId), eq(coachingPlans.state, "active")))
    .for("update", { of: coachingPlans, skipLocked: true });
  return row ?? null;
}
