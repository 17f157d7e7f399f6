// Who may do what with a coaching plan, asked of the one access policy (services/access and the
// domain's planRelation): the owner does everything; their coach sees it and edits it with them;
// the support circle sees the plan, never the report; everyone else is refused. This module only
// loads the plan and the caller's place in its circle, and words the refusals.
import { type CoachingPlanRow, findCoachingPlan, findOwnPartnership } from "@fivefold/db";
import { ForbiddenError, forPeople, NotFoundError, type PlanRelation, readsReport } from "@fivefold/domain";
import { planRelationOf } from "../access";
import type { MemberServiceContext } from "../context";

export interface MyPartnership {
  id: string;
  role: "partner" | "lead";
  state: "invited" | "accepted" | "declined";
}

export interface PlanAccess {
  plan: CoachingPlanRow;
  relation: PlanRelation;
  /** The caller's own place in the circle, whatever their relation. */
  partnership: MyPartnership | null;
}

/**
 * The plan and the caller's part in it, or the error they are told. `lock` takes the plan row
 * FOR UPDATE: every plan change locks the plan first (then any partnership), one order for all.
 */
export async function accessPlan(
  ctx: MemberServiceContext,
  planId: string,
  lock?: "update",
): Promise<PlanAccess> {
  const plan = await findCoachingPlan(ctx.db, ctx.org.id, planId, lock);
  if (!plan) throw new NotFoundError("Coaching plan");
  const partnership = await findOwnPartnership(ctx.db, ctx.org.id, plan.id, ctx.person.id);
  const relation = await planRelationOf(
    ctx,
    { subjectId: plan.subjectId, requestId: plan.requestId, partnership },
    ctx.db,
  );
  if (!relation) {
    throw new ForbiddenError("This plan is shared only with its owner, their coach and their support circle");
  }
  return { plan, relation, partnership };
}

/**
 * Whether the caller may grow a plan from the report on `subjectId` of `requestId`: the person
 * themselves, or their coach (not one who rated that round anonymously: the plan carries what the
 * report says). The circle does not exist yet, so the policy is asked without one.
 */
export async function mayPlanFromReport(
  ctx: MemberServiceContext,
  report: { subjectId: string; requestId: string },
): Promise<boolean> {
  const relation = await planRelationOf(ctx, { ...report, partnership: null }, ctx.db);
  return relation !== null && readsReport(relation);
}

/** What only the owner may do, and the refusal, a whole sentence each (the web translates them). */
const ONLY_THE_OWNER = {
  schedulePulse: forPeople("Only the plan's owner can schedule its perceived-change pulse."),
  invite: forPeople("Only the plan's owner can invite partners"),
  changeCircle: forPeople("Only the plan's owner can change the support circle"),
  logCheckin: forPeople("Only the plan's owner can log check-ins"),
  publish: forPeople("Only the plan's owner can publish it"),
  close: forPeople("Only the plan's owner can close it"),
} as const;

/** What the owner's coach may do with them too. */
const ONLY_THE_OWNER_OR_COACH = {
  suggestPartners: forPeople("Only the plan's owner, or their coach with them, can look for partners"),
  edit: forPeople("Only the plan's owner, or their coach with them, can edit it"),
} as const;

export function requireOwner(access: PlanAccess, doing: keyof typeof ONLY_THE_OWNER): void {
  if (access.relation !== "owner") throw new ForbiddenError(ONLY_THE_OWNER[doing]);
}

export function requireOwnerOrCoach(access: PlanAccess, doing: keyof typeof ONLY_THE_OWNER_OR_COACH): void {
  if (!readsReport(access.relation)) throw new ForbiddenError(ONLY_THE_OWNER_OR_COACH[doing]);
}
