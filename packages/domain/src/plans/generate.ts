// generatePlan(): a first coaching plan from a derived report: focus, a strength to build on,
// suggested actions and a WOOP goal skeleton the person then edits.
import type { DimensionKey } from "../instrument";
import type { DerivedReport } from "../report";
import { ACTION_CATALOGUE, type CatalogueAction, WOOP_TEMPLATES, type WoopTemplate } from "./catalogue";
import { chooseFocus } from "./focus";
import type { PlanAction } from "./plan-content";

export const ACTIONS_PER_FOCUS = 3;

/** A proposed action: a plan's action before the subject picks it and starts on it. */
export type SuggestedAction = Pick<PlanAction, "id" | "dimension" | "text">;

export interface CoachingPlanDraft {
  focus: DimensionKey[];
  strength: DimensionKey;
  reasons: { focus: string[]; strength: string };
  actions: SuggestedAction[];
  woop: WoopTemplate;
}

/** Actions that practise the lowest-rated behaviours come first; unrated behaviours count as mid-scale. */
function rankActions(report: DerivedReport, dimension: DimensionKey): CatalogueAction[] {
  const means = new Map(report.items.map((item) => [item.itemId, item.mean]));
  const weakest = (action: CatalogueAction) => Math.min(...action.items.map((id) => means.get(id) ?? 3));
  const catalogue = ACTION_CATALOGUE[dimension];
  return [...catalogue].sort(
    (a, b) => weakest(a) - weakest(b) || catalogue.indexOf(a) - catalogue.indexOf(b),
  );
}

export function generatePlan(report: DerivedReport): CoachingPlanDraft {
  const choice = chooseFocus(report);
  const actions = choice.focus.flatMap((dimension) =>
    rankActions(report, dimension)
      .slice(0, ACTIONS_PER_FOCUS)
      .map((action) => ({ id: action.id, dimension, text: action.text })),
  );
  const primary = choice.focus[0] as DimensionKey;
  return { ...choice, actions, woop: { ...WOOP_TEMPLATES[primary] } };
}

/** Looks an action up by its stable id, e.g. to show a stored plan. */
export function findAction(id: string): (CatalogueAction & { dimension: DimensionKey }) | undefined {
  for (const [dimension, actions] of Object.entries(ACTION_CATALOGUE) as [
    DimensionKey,
    readonly CatalogueAction[],
  ][]) {
    const action = actions.find((candidate) => candidate.id === id);
    if (action) return { ...action, dimension };
  }
  return undefined;
}
