// Converting between a plan row and the domain's plan content.
import type { CoachingPlanRow } from "@fivefold/db";
import type { DimensionKey, PlanActionState, PlanContent } from "@fivefold/domain";

export function contentOf(plan: CoachingPlanRow): PlanContent {
  return {
    focus: plan.focus as DimensionKey[],
    strength: plan.strength as DimensionKey,
    actions: plan.actions as PlanActionState[],
    woop: plan.woop,
    cadence: plan.cadence,
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
  };
}

export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}
