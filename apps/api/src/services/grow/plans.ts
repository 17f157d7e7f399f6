// Coaching plans: create one from a released report, read it, edit it, publish it once the
// circle is asked (answers may be pending), close it with a reflection, and list the plans I own or coach.
import {
  findInviteeLanguages,
  findPlanSourceRequest,
  insertCoachingPlan,
  listCheckinTimes,
  listCoachees,
  listOwnedAndCoachedPlans,
  listPlanPartnerships,
  updateCoachingPlan,
} from "@fivefold/db";
import {
  applyPlanEdit,
  assertPlanEditable,
  type ClosePlanInput,
  ConflictError,
  type CreatePlanInput,
  checkCircleAsked,
  checkPlanPublishable,
  ForbiddenError,
  generatePlan,
  isoDay,
  type Language,
  NotFoundError,
  newPlanContent,
  type PlanIdInput,
  type PlanViewOutput,
  PreconditionFailedError,
  planTransition,
  publishedContent,
  resolveLanguage,
  type UpdatePlanInput,
} from "@fivefold/domain";
import { nowOf, withTransaction } from "../context";
import { accessPlan, mayPlanFromReport, requireOwner, requireOwnerOrCoach } from "./access";
import type { MemberCall } from "./call";
import { contentOf } from "./content";
import { loadDerivedReport } from "./report";
import { circleView, planView, scheduleOf } from "./view";

export async function createPlan({ ctx, input }: MemberCall<CreatePlanInput>) {
  return withTransaction(ctx, async (ctx) => {
    const request = await findPlanSourceRequest(ctx.db, ctx.org.id, input.requestId);
    if (!request) throw new NotFoundError("Report");
    if (!(await mayPlanFromReport(ctx, { subjectId: request.subjectId, requestId: request.id }))) {
      throw new ForbiddenError(
        "Only the person the report is about, or their coach with them, can make a plan from it",
      );
    }
    const report = request.state === "released" ? await loadDerivedReport(ctx, request.id) : null;
    if (!report) {
      throw new PreconditionFailedError(
        "A plan grows from a released report, and this report is not released",
      );
    }
    const language = await ownerLanguage(ctx, request.subjectId);
    const content = newPlanContent(generatePlan(report, report.instrument, language), isoDay(nowOf(ctx)));
    const id = await insertCoachingPlan(ctx.db, {
      orgId: ctx.org.id,
      requestId: request.id,
      subjectId: request.subjectId,
      ...content,
    });
    if (!id) throw new ConflictError("A plan already exists for this report: open it from your plans");
    const { focus, strength, actions, woop } = content;
    return { id, focus, strength, actions, woop };
  });
}

/**
 * The language a new plan is written in: its owner's (their choice, else the organisation's), even
 * when their coach makes it with them. Once written, the text is the owner's and stays as it is.
 */
async function ownerLanguage(ctx: MemberCall["ctx"], ownerId: string): Promise<Language> {
  if (ownerId === ctx.person.id) {
    return resolveLanguage({ person: ctx.person.language, organisation: ctx.org.language });
  }
  return resolveLanguage(await findInviteeLanguages(ctx.db, ctx.org.id, ownerId));
}

export async function updatePlan({ ctx, input: { planId, ...edit } }: MemberCall<UpdatePlanInput>) {
  return withTransaction(ctx, async (ctx): Promise<PlanViewOutput> => {
    const access = await accessPlan(ctx, planId, "update");
    requireOwnerOrCoach(access, "edit");
    assertPlanEditable(access.plan.state);
    const content = applyPlanEdit(contentOf(access.plan), edit, {
      published: access.plan.state === "active",
    });
    const plan = await updateCoachingPlan(ctx.db, ctx.org.id, planId, content);
    return planView(ctx, { ...access, plan: plan ?? access.plan });
  });
}

export async function publishPlan({ ctx, input }: MemberCall<PlanIdInput>) {
  return withTransaction(ctx, async (ctx) => {
    const now = nowOf(ctx);
    const access = await accessPlan(ctx, input.planId, "update");
    requireOwner(access, "publish");
    const state = planTransition(access.plan.state, "publish");
    const content = publishedContent(contentOf(access.plan), isoDay(now));
    checkPlanPublishable(content);
    // Invitations may still be open: the circle fills as people accept.
    checkCircleAsked(await listPlanPartnerships(ctx.db, ctx.org.id, [input.planId]));
    await updateCoachingPlan(ctx.db, ctx.org.id, input.planId, {
      state,
      startsOn: content.startsOn,
      publishedAt: now,
    });
    return { state, startsOn: content.startsOn, publishedAt: now.toISOString() };
  });
}

export async function closePlan({ ctx, input }: MemberCall<ClosePlanInput>) {
  return withTransaction(ctx, async (ctx) => {
    const now = nowOf(ctx);
    const access = await accessPlan(ctx, input.planId, "update");
    requireOwner(access, "close");
    const state = planTransition(access.plan.state, "close");
    await updateCoachingPlan(ctx.db, ctx.org.id, input.planId, {
      state,
      reflection: input.reflection,
      closedAt: now,
    });
    return { state, closedAt: now.toISOString() };
  });
}

export async function getPlan({ ctx, input }: MemberCall<PlanIdInput>): Promise<PlanViewOutput> {
  return planView(ctx, await accessPlan(ctx, input.planId));
}

/** My plans, and those of the people I coach; newest first. No report figures in here. */
export async function listPlans({ ctx }: Pick<MemberCall, "ctx">) {
  const now = nowOf(ctx);
  const coachees = ctx.roles.includes("coach") ? await listCoachees(ctx.db, ctx.org.id, ctx.person.id) : [];
  const rows = await listOwnedAndCoachedPlans(ctx.db, ctx.org.id, ctx.person.id, coachees);
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
    const { focus, strength } = contentOf(plan);
    return {
      id: plan.id,
      requestId: plan.requestId,
      relation,
      subject: { id: plan.subjectId, name: subjectName },
      state: plan.state,
      focus,
      strength,
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
