// The plans I was asked to support: invitations still open, and those I accepted.
import { listCheckinTimes, listSupportedPartnerships } from "@fivefold/db";
import { nowOf } from "../context";
import type { MemberCall } from "./call";
import { contentOf } from "./content";
import { scheduleOf } from "./view";

/** Newest invitation first; what a partner sees of each plan (never its report). */
export async function listSupportedPlans({ ctx }: Pick<MemberCall, "ctx">) {
  const now = nowOf(ctx);
  const rows = await listSupportedPartnerships(ctx.db, ctx.org.id, ctx.person.id);
  const times = await listCheckinTimes(
    ctx.db,
    ctx.org.id,
    rows.map((row) => row.plan.id),
  );
  return rows.map(({ partnership, plan, subjectName }) => {
    const content = contentOf(plan);
    const planTimes = times.get(plan.id) ?? [];
    return {
      partnershipId: partnership.id,
      role: partnership.role,
      state: partnership.state,
      invitedAt: partnership.invitedAt.toISOString(),
      respondedAt: partnership.respondedAt?.toISOString() ?? null,
      plan: {
        id: plan.id,
        state: plan.state,
        subject: { id: plan.subjectId, name: subjectName },
        focus: content.focus,
        strength: content.strength,
        wish: content.woop.wish,
        progress: plan.progress,
        cadence: plan.cadence,
        startsOn: plan.startsOn,
        endsOn: plan.endsOn,
        lastCheckinAt: planTimes.at(-1)?.toISOString() ?? null,
        nextCheckin: scheduleOf(plan, planTimes, now).next,
      },
    };
  });
}
