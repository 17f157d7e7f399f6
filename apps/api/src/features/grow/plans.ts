// Coaching plans: create one from a released report, edit it, publish it when the circle is
// ready, close it with a reflection, and list the plans I own or coach.
import { listCheckinTimes, listCoachees, listPlanPartnerships, schema } from "@fivefold/db";
import {
  applyPlanEdit,
  assertPlanEditable,
  ConflictError,
  checkCircleReady,
  checkPlanPublishable,
  ForbiddenError,
  generatePlan,
  NotFoundError,
  newPlanContent,
  type PlanEdit,
  PreconditionFailedError,
  planTransition,
  publishedContent,
} from "@fivefold/domain";
import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { MemberContext } from "../../trpc/context";
import { accessPlan, coachesPlanReport, requireOwner, requireOwnerOrCoach } from "./access";
import { contentOf, today } from "./content";
import { loadDerivedReport } from "./report";
import { circleView, planView, scheduleOf } from "./view";

export async function createPlan(ctx: MemberContext, requestId: string, now = new Date()) {
  const [request] = await ctx.db
    .select({
      id: schema.feedbackRequests.id,
      subjectId: schema.feedbackRequests.subjectId,
      state: schema.feedbackRequests.state,
    })
    .from(schema.feedbackRequests)
    .where(and(eq(schema.feedbackRequests.orgId, ctx.org.id), eq(schema.feedbackRequests.id, requestId)));
  if (!request) throw new NotFoundError("Report");
  if (request.subjectId !== ctx.person.id && !(await coachesPlanReport(ctx, request.subjectId, request.id))) {
    throw new ForbiddenError(
      "Only the person the report is about, or their coach with them, can make a plan from it",
    );
  }
  const report =
    request.state === "released" ? await loadDerivedReport(ctx.db, ctx.org.id, request.id) : null;
  if (!report) {
    throw new PreconditionFailedError("A plan grows from a released report, and this report is not released");
  }
  const content = newPlanContent(generatePlan(report), today(now));
  const [plan] = await ctx.db
    .insert(schema.coachingPlans)
    .values({ orgId: ctx.org.id, requestId: request.id, subjectId: request.subjectId, ...content })
    .onConflictDoNothing()
    .returning({ id: schema.coachingPlans.id });
  if (!plan) throw new ConflictError("A plan already exists for this report: open it from your plans");
  return {
    id: plan.id,
    focus: content.focus,
    strength: content.strength,
    actions: content.actions,
    woop: content.woop,
  };
}

export async function updatePlan(ctx: MemberContext, planId: string, edit: PlanEdit) {
  return ctx.db.transaction(async (tx) => {
    const access = await accessPlan(ctx, planId, { db: tx, lock: "update" });
    requireOwnerOrCoach(access, "edit it");
    assertPlanEditable(access.plan.state);
    const content = applyPlanEdit(contentOf(access.plan), edit, {
      published: access.plan.state === "active",
    });
    const [plan] = await tx
      .update(schema.coachingPlans)
      .set(content)
      .where(and(eq(schema.coachingPlans.orgId, ctx.org.id), eq(schema.coachingPlans.id, planId)))
      .returning();
    return planView(ctx, { ...access, plan: plan ?? access.plan }, { db: tx });
  });
}

export async function publishPlan(ctx: MemberContext, planId: string, now = new Date()) {
  return ctx.db.transaction(async (tx) => {
    const access = await accessPlan(ctx, planId, { db: tx, lock: "update" });
    requireOwner(access, "publish it");
    const state = planTransition(access.plan.state, "publish");
    const content = publishedContent(contentOf(access.plan), today(now));
    checkPlanPublishable(content);
    checkCircleReady(await listPlanPartnerships(tx, ctx.org.id, [planId]));
    await tx
      .update(schema.coachingPlans)
      .set({ state, startsOn: content.startsOn, publishedAt: now })
      .where(and(eq(schema.coachingPlans.orgId, ctx.org.id), eq(schema.coachingPlans.id, planId)));
    return { state, startsOn: content.startsOn, publishedAt: now.toISOString() };
  });
}

export async function closePlan(ctx: MemberContext, planId: string, reflection: string, now = new Date()) {
  return ctx.db.transaction(async (tx) => {
    const access = await accessPlan(ctx, planId, { db: tx, lock: "update" });
    requireOwner(access, "close it");
    const state = planTransition(access.plan.state, "close");
    await tx
      .update(schema.coachingPlans)
      .set({ state, reflection, closedAt: now })
      .where(and(eq(schema.coachingPlans.orgId, ctx.org.id), eq(schema.coachingPlans.id, planId)));
    return { state, closedAt: now.toISOString() };
  });
}

export async function getPlan(ctx: MemberContext, planId: string) {
  return planView(ctx, await accessPlan(ctx, planId));
}

/** My plans, and those of the people I coach; newest first. No report figures in here. */
export async function listPlans(ctx: MemberContext, now = new Date()) {
  const coachees = ctx.roles.includes("coach") ? await listCoachees(ctx.db, ctx.org.id, ctx.person.id) : [];
  const rows = await ctx.db
    .select({ plan: schema.coachingPlans, subjectName: schema.people.name })
    .from(schema.coachingPlans)
    .innerJoin(schema.people, eq(schema.people.id, schema.coachingPlans.subjectId))
    .where(
      and(
        eq(schema.coachingPlans.orgId, ctx.org.id),
        coachees.length > 0
          ? or(
              eq(schema.coachingPlans.subjectId, ctx.person.id),
              inArray(schema.coachingPlans.subjectId, coachees),
            )
          : eq(schema.coachingPlans.subjectId, ctx.person.id),
      ),
    )
    .orderBy(desc(schema.coachingPlans.createdAt), desc(schema.coachingPlans.id));
  const ids = rows.map((row) => row.plan.id);
  const members = await listPlanPartnerships(ctx.db, ctx.org.id, ids);
  const times = await listCheckinTimes(ctx.db, ctx.org.id, ids);
  return rows.map(({ plan, subjectName }) => {
    const relation = plan.subjectId === ctx.person.id ? ("owner" as const) : ("coach" as const);
    const circle = circleView(
      members.filter((m) => m.planId === plan.id),
      relation,
    );
    const planTimes = times.get(plan.id) ?? [];
    return {
      id: plan.id,
      requestId: plan.requestId,
      relation,
      subject: { id: plan.subjectId, name: subjectName },
      state: plan.state,
      focus: contentOf(plan).focus,
      strength: contentOf(plan).strength,
      progress: plan.progress,
      startsOn: plan.startsOn,
      endsOn: plan.endsOn,
      createdAt: plan.createdAt.toISOString(),
      publishedAt: plan.publishedAt?.toISOString() ?? null,
      closedAt: plan.closedAt?.toISOString() ?? null,
      circle: { partners: circle.partners, leads: circle.leads, ready: circle.ready },
      nextCheckin: scheduleOf(plan, planTimes, now).next,
      lastCheckinAt: planTimes.at(-1)?.toISOString() ?? null,
    };
  });
}
