// Who may do what with a coaching plan. The owner (the subject) does everything; their coach sees
// it and edits it with them; the support circle sees the plan, never the report; everyone else
// is refused. Pass the transaction when inside one: PGlite has a single connection.
import { type CoachingPlanRow, coachesPerson, type Executor, findCoachingPlan, schema } from "@fivefold/db";
import { ForbiddenError, NotFoundError } from "@fivefold/domain";
import { and, eq } from "drizzle-orm";
import type { MemberContext } from "../../trpc/context";
import { ratedAnonymously } from "../reports/access";

export type PlanRelation = "owner" | "coach" | "partner" | "lead";

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

/** Owner and coach read what the report says (the reasons); the circle does not. */
export const readsReport = (relation: PlanRelation) => relation === "owner" || relation === "coach";

export async function isCoachOf(ctx: MemberContext, personId: string, db: Executor = ctx.db) {
  return ctx.roles.includes("coach") && coachesPerson(db, ctx.org.id, ctx.person.id, personId);
}

/**
 * The coach's part in a plan grown from `requestId`: never for a coach who rated that round
 * anonymously, since the plan carries what the report says (see reports/access.ts).
 */
export async function coachesPlanReport(
  ctx: MemberContext,
  personId: string,
  requestId: string,
  db: Executor = ctx.db,
): Promise<boolean> {
  if (!(await isCoachOf(ctx, personId, db))) return false;
  return (await ratedAnonymously(db, ctx.org.id, ctx.person.id, [requestId])).size === 0;
}

export async function accessPlan(
  ctx: MemberContext,
  planId: string,
  options: { db?: Executor; lock?: "update" } = {},
): Promise<PlanAccess> {
  const db = options.db ?? ctx.db;
  const plan = await findCoachingPlan(db, ctx.org.id, planId, options.lock);
  if (!plan) throw new NotFoundError("Coaching plan");
  const [row] = await db
    .select({ id: schema.partnerships.id, role: schema.partnerships.role, state: schema.partnerships.state })
    .from(schema.partnerships)
    .where(
      and(
        eq(schema.partnerships.orgId, ctx.org.id),
        eq(schema.partnerships.planId, plan.id),
        eq(schema.partnerships.personId, ctx.person.id),
      ),
    );
  const partnership = row ?? null;
  if (plan.subjectId === ctx.person.id) return { plan, relation: "owner", partnership };
  if (await coachesPlanReport(ctx, plan.subjectId, plan.requestId, db)) {
    return { plan, relation: "coach", partnership };
  }
  if (partnership && partnership.state !== "declined") {
    return { plan, relation: partnership.role, partnership };
  }
  throw new ForbiddenError("This plan is shared only with its owner, their coach and their support circle");
}

export function requireOwner(access: PlanAccess, doing: string): void {
  if (access.relation !== "owner") throw new ForbiddenError(`Only the plan's owner can ${doing}`);
}

export function requireOwnerOrCoach(access: PlanAccess, doing: string): void {
  if (!readsReport(access.relation)) {
    throw new ForbiddenError(`Only the plan's owner, or their coach with them, can ${doing}`);
  }
}
