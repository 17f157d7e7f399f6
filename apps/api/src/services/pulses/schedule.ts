// pulses.schedule: the plan's owner picks the day its perceived-change pulse opens, 6 to 12 weeks
// after publishing; one waits or collects per plan. Nothing is sent until that day (open.ts).
import { findRequestInstrumentVersion, insertPulse } from "@fivefold/db";
import {
  ConflictError,
  checkPulseDay,
  isoDay,
  PreconditionFailedError,
  pulseItems,
  type SchedulePulseInput,
} from "@fivefold/domain";
import { auditAs } from "../audit/record";
import { type MemberServiceContext, nowOf, withTransaction } from "../context";
import { accessPlan, requireOwner } from "../grow/access";

export function schedulePulse({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: SchedulePulseInput;
}): Promise<{ requestId: string }> {
  return withTransaction(ctx, async (ctx) => {
    const access = await accessPlan(ctx, input.planId, "update");
    requireOwner(access, "schedulePulse");
    const { plan } = access;
    if (plan.state !== "active" || !plan.publishedAt) {
      throw new PreconditionFailedError("A pulse follows a published plan: publish the plan first.");
    }
    const on = checkPulseDay({ publishedAt: plan.publishedAt, on: input.on, today: isoDay(nowOf(ctx)) });
    const version = (await findRequestInstrumentVersion(ctx.db, ctx.org.id, plan.requestId)) ?? 1;
    const items = pulseItems(version, plan.focus).map((item) => item.id);
    const id = await insertPulse(ctx.db, {
      orgId: ctx.org.id,
      planId: plan.id,
      sourceRequestId: plan.requestId,
      subjectId: plan.subjectId,
      opensOn: on,
      since: isoDay(plan.publishedAt),
      items,
      instrumentVersion: version,
    });
    if (!id) {
      throw new ConflictError("This plan already has a pulse waiting or collecting: one at a time.");
    }
    await auditAs(ctx, "pulses.schedule", { type: "pulse", id }, { planId: plan.id, opensOn: on });
    return { requestId: id };
  });
}
