// Check-ins: the owner logs progress on the cadence; partners and the lead who accepted answer
// with encouragement; the whole circle reads them.
import {
  findCheckinPlanId,
  insertCheckin,
  insertEncouragement,
  listPlanCheckins,
  updateCoachingPlan,
} from "@fivefold/db";
import {
  type ActionStatus,
  applyCheckin,
  type EncourageInput,
  ForbiddenError,
  type LogCheckinInput,
  NotFoundError,
  type PlanIdInput,
} from "@fivefold/domain";
import { withTransaction } from "../context";
import { accessPlan, requireOwner } from "./access";
import type { MemberCall } from "./call";
import { planActionsOf } from "./content";

export async function logCheckin({ ctx, input: { planId, ...checkin } }: MemberCall<LogCheckinInput>) {
  return withTransaction(ctx, async (ctx) => {
    const access = await accessPlan(ctx, planId, "update");
    requireOwner(access, "logCheckin");
    const record = applyCheckin({ state: access.plan.state, actions: planActionsOf(access.plan) }, checkin);
    const id = await insertCheckin(ctx.db, {
      orgId: ctx.org.id,
      planId,
      progress: record.progress,
      note: record.note,
      actions: record.actions,
    });
    await updateCoachingPlan(ctx.db, ctx.org.id, planId, {
      progress: record.progress,
      actions: record.planActions,
    });
    return { id };
  });
}

export async function encourageCheckin({ ctx, input }: MemberCall<EncourageInput>) {
  return withTransaction(ctx, async (ctx) => {
    const planId = await findCheckinPlanId(ctx.db, ctx.org.id, input.checkinId);
    if (!planId) throw new NotFoundError("Check-in");
    const access = await accessPlan(ctx, planId);
    if (access.partnership?.state !== "accepted") {
      throw new ForbiddenError("Only partners and the lead who accepted can encourage a check-in");
    }
    const id = await insertEncouragement(ctx.db, {
      orgId: ctx.org.id,
      checkinId: input.checkinId,
      authorId: ctx.person.id,
      text: input.text,
    });
    return { id };
  });
}

export async function listCheckins({ ctx, input }: MemberCall<PlanIdInput>) {
  const access = await accessPlan(ctx, input.planId);
  const actions = new Map(planActionsOf(access.plan).map((action) => [action.id, action]));
  const rows = await listPlanCheckins(ctx.db, ctx.org.id, input.planId);
  return rows.map((row) => ({
    id: row.id,
    progress: row.progress,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    actions: row.actions.map((entry) => ({
      actionId: entry.actionId,
      status: entry.status as ActionStatus,
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
