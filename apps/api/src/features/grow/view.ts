// What a plan looks like to each relation. Built field by field, so nothing of the report (the
// reasons quote its figures; the request id leads to it) reaches a partner or the lead.
import {
  type Executor,
  listCheckinTimes,
  listPlanPartnerships,
  type PartnershipWithPerson,
  schema,
} from "@fivefold/db";
import {
  CIRCLE,
  canInvite,
  checkinTimeline,
  circleStatus,
  type DueCheckin,
  explainPlan,
  nextCheckin,
  type PlanReasons,
} from "@fivefold/domain";
import { and, eq } from "drizzle-orm";
import type { MemberContext } from "../../trpc/context";
import { type MyPartnership, type PlanAccess, type PlanRelation, readsReport } from "./access";
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

export async function planView(
  ctx: MemberContext,
  access: PlanAccess,
  options: { db?: Executor; now?: Date } = {},
) {
  const db = options.db ?? ctx.db;
  const now = options.now ?? new Date();
  const { plan, relation } = access;
  const [subject] = await db
    .select({ id: schema.people.id, name: schema.people.name })
    .from(schema.people)
    .where(and(eq(schema.people.orgId, ctx.org.id), eq(schema.people.id, plan.subjectId)));
  const members = await listPlanPartnerships(db, ctx.org.id, [plan.id]);
  const times = (await listCheckinTimes(db, ctx.org.id, [plan.id])).get(plan.id) ?? [];
  const content = contentOf(plan);
  let reasons: PlanReasons | null = null;
  if (readsReport(relation)) {
    const report = await loadDerivedReport(db, ctx.org.id, plan.requestId);
    reasons = report ? explainPlan(report, content) : null;
  }
  const { schedule, next } = scheduleOf(plan, times, now);
  const myPartnership: MyPartnership | null = access.partnership;
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
    myPartnership,
  };
}

export type PlanView = Awaited<ReturnType<typeof planView>>;
