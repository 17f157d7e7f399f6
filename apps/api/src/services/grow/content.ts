// Between a plan row and the domain's plan content. The actions column is typed in packages/db
// by a mirror of the domain's PlanAction (db does not depend on the domain); the check below
// stops the build if the two drift apart.
import type { CoachingPlanRow } from "@fivefold/db";
import type { DimensionKey, PlanAction, PlanContent } from "@fivefold/domain";

type ColumnAction = CoachingPlanRow["actions"][number];
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
/** True only while a domain PlanAction fits the column and both name the same fields. */
export type PlanActionMatchesColumn = [PlanAction] extends [ColumnAction]
  ? SameKeys<PlanAction, ColumnAction>
  : false;
const planActionMatchesColumn: PlanActionMatchesColumn = true;
void planActionMatchesColumn;

/** The column stores what the domain wrote (dimensions validated on the way in). */
export const planActionsOf = (plan: Pick<CoachingPlanRow, "actions">): PlanAction[] =>
  plan.actions as PlanAction[];

export function contentOf(plan: CoachingPlanRow): PlanContent {
  return {
    focus: plan.focus as DimensionKey[],
    strength: plan.strength as DimensionKey,
    actions: planActionsOf(plan),
    woop: plan.woop,
    cadence: plan.cadence,
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
  };
}
