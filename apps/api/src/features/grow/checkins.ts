// Check-ins: the owner logs progress on the cadence; partners and the lead who accepted answer
// with encouragement; the whole circle reads them.
import { listPlanCheckins, schema } from "@fivefold/db";
import {
  applyCheckin,
  type CheckinInput,
  ForbiddenError,
  NotFoundError,
  type PlanActionState,
} from "@fivefold/domain";
import { and, eq } from "drizzle-orm";
import type { MemberContext } from "../../trpc/context";
import { accessPlan, requireOwner } from "./access";

export async function logCheckin(ctx: MemberContext, planId: string, input: CheckinInput) {
  return ctx.db.transaction(async (tx) => {
    const access = await accessPlan(ctx, planId, { db: tx, lock: "update" });
    requireOwner(access, "log check-ins");
    const record = applyCheckin(
      { state: access.plan.state, actions: access.plan.actions as PlanActionState[] },
      input,
    );
    const [row] = await tx
      .insert(schema.checkins)
      .values({
        orgId: ctx.org.id,
        planId,
        progress: record.progress,
        note: record.note,
        actions: record.actions,
      })
      .returning({ id: schema.checkins.id });
    if (!row) throw new Error("check-in insert returned nothing");
    await tx
      .update(schema.coachingPlans)
      .set({ progress: record.progress, actions: record.planActions })
      .where(and(eq(schema.coachingPlans.orgId, ctx.org.id), eq(schema.coachingPlans.id, planId)));
    return { id: row.id };
  });
}

export async function encourageCheckin(ctx: MemberContext, checkinId: string, text: string) {
  return ctx.db.transaction(async (tx) => {
    const [checkin] = await tx
      .select({ planId: schema.checkins.planId })
      .from(schema.checkins)
      .where(and(eq(schema.checkins.orgId, ctx.org.id), eq(schema.checkins.id, checkinId)));
    if (!checkin) throw new NotFoundError("Check-in");
    const access = await accessPlan(ctx, checkin.planId, { db: tx });
    if (access.partnership?.state !== "accepted") {
      throw new ForbiddenError("Only partners and the lead who accepted can encourage a check-in");
    }
    const [row] = await tx
      .insert(schema.encouragements)
      .values({ orgId: ctx.org.id, checkinId, authorId: ctx.person.id, text })
      .returning({ id: schema.encouragements.id });
    if (!row) throw new Error("encouragement insert returned nothing");
    return { id: row.id };
  });
}

export async function listCheckins(ctx: MemberContext, planId: string) {
  const access = await accessPlan(ctx, planId);
  const actions = new Map((access.plan.actions as PlanActionState[]).map((action) => [action.id, action]));
  const rows = await listPlanCheckins(ctx.db, ctx.org.id, planId);
  return rows.map((row) => ({
    id: row.id,
    progress: row.progress,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    actions: row.actions.map((entry) => ({
      actionId: entry.actionId,
      status: entry.status as PlanActionState["status"],
      text: actions.get(entry.actionId)?.text ?? null,
      dimension: actions.get(entry.actionId)?.dimension ?? null,
    })),
    encouragements: row.encouragements.map((note) => ({
      id: note.id,
      author: { id: note.authorId, name: note.authorName },
      text: note.text,
      createdAt: note.createdAt.toISOString(),
    })),
  }));
}
