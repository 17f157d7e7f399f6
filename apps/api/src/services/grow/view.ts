// What a plan looks like to each relation. Built field by field, so nothing of the report (the
// reasons quote its figures; the request id leads to it) reaches a partner or the lead.
import {
  findPlanOwner,
  listCheckinTimes,
  listPlanPartnerships,
  type PartnershipWithPerson,
} from "@fivefold/db";
import {
  CIRCLE,
  canInvite,
  checkinTimeline,
  circleAsked,
  circleStatus,
  type DueCheckin,
  explainPlan,
  nextCheckin,
  type PlanReasons,
  type PlanRelation,
  type PlanViewOutput,
  readsReport,
} from "@fivefold/domain";
import { type MemberServiceContext, nowOf } from "../context";
import { planPulseView } from "../pulses/plan-view";
import type { PlanAccess } from "./access";
import { contentOf } from "./content";
import { loadDerivedReport } from "./report";

export interface CircleMember {
  partnershipId: string;
  person: { id: string; name: string };
  role: "partner" | "lead";
  state: "invited" | "accepted" | "declined";
  invitedAt: string;
  respondedAt: string | null;
}

/** The circle as the relation sees it: declined invitations only for the owner and coach. */
export function circleView(members: readonly PartnershipWithPerson[], relation: PlanRelation) {
  const visible = readsReport(relation) ? members : members.filter((m) => m.state !== "declined");
  const status = circleStatus(members);
  return {
    members: visible.map(
      (m): CircleMember => ({
        partnershipId: m.id,
        person: { id: m.personId, name: m.name },
        role: m.role,
        state: m.state,
        invitedAt: m.invitedAt.toISOString(),
        respondedAt: m.respondedAt?.toISOString() ?? null,
      }),
    ),
    partners: status.partners,
    leads: status.leads,
    asked: circleAsked(members),
    minPartners: CIRCLE.minPartners,
    maxPartners: CIRCLE.maxPartners,
    ready:
      status.partners >= CIRCLE.minPartners && status.partners <= CIRCLE.maxPartners && status.leads === 1,
    canInvitePartner: canInvite(members, "partner"),
    canInviteLead: canInvite(members, "lead"),
  };
}

/** The schedule as of now, or as it stood when the plan closed. */
export function scheduleOf(
  plan: PlanAccess["plan"],
  checkins: readonly Date[],
  now: Date,
): { schedule: DueCheckin[]; next: DueCheckin | null } {
  const schedule = checkinTimeline({
    start: plan.startsOn,
    end: plan.endsOn,
    cadence: plan.cadence,
    checkins,
    now: plan.closedAt ?? now,
  });
  return { schedule, next: plan.state === "active" ? nextCheckin(schedule) : null };
}

/** Why the plan focuses where it does: for the owner and their coach only. */
async function reasonsFor(ctx: MemberServiceContext, access: PlanAccess): Promise<PlanReasons | null> {
  if (!readsReport(access.relation)) return null;
  const report = await loadDerivedReport(ctx, access.plan.requestId);
  return report ? explainPlan(report, contentOf(access.plan)) : null;
}

export async function planView(ctx: MemberServiceContext, access: PlanAccess): Promise<PlanViewOutput> {
  const { plan, relation } = access;
  const subject = await findPlanOwner(ctx.db, ctx.org.id, plan.subjectId);
  const members = await listPlanPartnerships(ctx.db, ctx.org.id, [plan.id]);
  const times = (await listCheckinTimes(ctx.db, ctx.org.id, [plan.id])).get(plan.id) ?? [];
  const content = contentOf(plan);
  const reasons = await reasonsFor(ctx, access);
  const { schedule, next } = scheduleOf(plan, times, nowOf(ctx));
  return {
    id: plan.id,
    state: plan.state,
    relation,
    subject: { id: plan.subjectId, name: subject?.name ?? "" },
    /** The report the plan grew from: for the owner and their coach only. */
    requestId: readsReport(relation) ? plan.requestId : null,
    reasons,
    focus: content.focus,
    strength: content.strength,
    actions: content.actions,
    woop: content.woop,
    cadence: content.cadence,
    startsOn: content.startsOn,
    endsOn: content.endsOn,
    progress: plan.progress,
    reflection: plan.reflection,
    createdAt: plan.createdAt.toISOString(),
    publishedAt: plan.publishedAt?.toISOString() ?? null,
    closedAt: plan.closedAt?.toISOString() ?? null,
    circle: circleView(members, relation),
    schedule,
    nextCheckin: next,
    lastCheckinAt: times.at(-1)?.toISOString() ?? null,
    myPartnership: access.partnership,
    ...(await planPulseView(ctx, access)),
  };
}
