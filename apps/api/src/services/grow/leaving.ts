// A circle shrinks: the owner takes someone out, or a member steps down; the other side hears.
import { deletePartnership, findCoachingPlan, findPartnershipWithMember, findPlanOwner } from "@fivefold/db";
import { assertCanLeave, assertPlanEditable, NotFoundError, type PartnershipIdInput } from "@fivefold/domain";
import { circleChangeMail } from "../../mail/grow";
import { mailLanguageOf } from "../../mail/i18n";
import { enqueueMail } from "../../mail/outbox";
import { type MemberServiceContext, withTransaction } from "../context";
import { accessPlan, requireOwner } from "./access";
import type { MemberCall } from "./call";

/**
 * A partnership with its member. Locking callers lock the plan first, as every plan change does,
 * and the partnership after: one order for all, so none deadlocks.
 */
async function loadPartnership(ctx: MemberServiceContext, partnershipId: string, lock?: "update") {
  const row = await findPartnershipWithMember(ctx.db, ctx.org.id, partnershipId, lock);
  if (!row) throw new NotFoundError("Partnership");
  return row;
}

/** The owner takes someone out of their circle (an open invitation, a "no" or a member). */
export async function removePartner({ ctx, input }: MemberCall<PartnershipIdInput>) {
  return withTransaction(ctx, async (ctx) => {
    const { planId } = (await loadPartnership(ctx, input.partnershipId)).partnership;
    const access = await accessPlan(ctx, planId, "update");
    requireOwner(access, "changeCircle");
    assertPlanEditable(access.plan.state);
    const row = await loadPartnership(ctx, input.partnershipId, "update");
    await deletePartnership(ctx.db, ctx.org.id, input.partnershipId);
    if (row.partnership.state !== "declined") {
      await enqueueMail(ctx.db, {
        orgId: ctx.org.id,
        template: "partner_removed",
        to: row.member.email,
        meta: { planId, personId: row.member.id },
        ...circleChangeMail({
          language: await mailLanguageOf(ctx.db, ctx.org.id, row.member.email),
          change: "removed",
          ownerName: ctx.person.name,
          role: row.partnership.role,
          link: `${ctx.appUrl}/support`,
        }),
      });
    }
    return { removed: true as const };
  });
}

/** A member steps down from a circle they joined; the owner hears about it. */
export async function leaveCircle({ ctx, input }: MemberCall<PartnershipIdInput>) {
  return withTransaction(ctx, async (ctx) => {
    const { planId } = (await loadPartnership(ctx, input.partnershipId)).partnership;
    const plan = await findCoachingPlan(ctx.db, ctx.org.id, planId, "update");
    if (!plan) throw new NotFoundError("Coaching plan");
    const row = await loadPartnership(ctx, input.partnershipId, "update");
    if (row.member.id !== ctx.person.id) throw new NotFoundError("Partnership");
    assertPlanEditable(plan.state);
    assertCanLeave(row.partnership.state);
    await deletePartnership(ctx.db, ctx.org.id, input.partnershipId);
    const owner = await findPlanOwner(ctx.db, ctx.org.id, plan.subjectId);
    if (owner) {
      await enqueueMail(ctx.db, {
        orgId: ctx.org.id,
        template: "partner_left",
        to: owner.email,
        meta: { planId, personId: ctx.person.id },
        ...circleChangeMail({
          language: await mailLanguageOf(ctx.db, ctx.org.id, owner.email),
          change: "left",
          memberName: ctx.person.name,
          role: row.partnership.role,
          link: `${ctx.appUrl}/plans/${planId}`,
        }),
      });
    }
    return { left: true as const };
  });
}
