// What plans.get shows of the plan's pulse: to the owner and their coach only (partners, often
// raters themselves, and the lead see nothing of it). The figures of the latest released pulse,
// its suggestions, and the state and dates of the latest pulse; never how many or who answered
// before release.
import { findPlanPulses } from "@fivefold/db";
import {
  defaultPulseDay,
  isoDay,
  type PerceivedChangeOutput,
  type PlanPulseOutput,
  pulseWindow,
  readsReport,
} from "@fivefold/domain";
import type { MemberServiceContext } from "../context";
import type { PlanAccess } from "../grow/access";

export interface PlanPulseView {
  perceivedChange: PerceivedChangeOutput | null;
  pulse: PlanPulseOutput | null;
  pulseWindow: { from: string; to: string; proposed: string } | null;
}

export async function planPulseView(ctx: MemberServiceContext, access: PlanAccess): Promise<PlanPulseView> {
  if (!readsReport(access.relation)) return { perceivedChange: null, pulse: null, pulseWindow: null };
  const { latest, released } = await findPlanPulses(ctx.db, ctx.org.id, access.plan.id);
  const publishedAt = access.plan.publishedAt;
  return {
    perceivedChange: released?.result?.figures ?? [],
    pulse: latest
      ? {
          requestId: latest.id,
          state: latest.state,
          opensOn: latest.opensOn,
          closesOn: latest.deadline ? isoDay(latest.deadline) : null,
          invited: latest.invited,
          suggestions: latest.state === "released" ? (latest.result?.suggestions ?? []) : [],
        }
      : null,
    pulseWindow: publishedAt ? { ...pulseWindow(publishedAt), proposed: defaultPulseDay(publishedAt) } : null,
  };
}
