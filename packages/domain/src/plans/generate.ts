// generatePlan(): a first coaching plan from a derived report: focus, a strength to build on,
// suggested actions and a WOOP goal skeleton the person then edits.
import type { Language } from "../i18n/languages";
import type { DimensionKey, Instrument } from "../instrument";
import type { DerivedReport } from "../report";
import { ACTION_CATALOGUE, type CatalogueAction, WOOP_TEMPLATES, type WoopTemplate } from "./catalogue";
import { chooseFocus } from "./focus";
import { GENERIC_ACTIONS } from "./generic";
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

const CATALOGUED = new Set(
  Object.values(ACTION_CATALOGUE).flatMap((actions) => actions.flatMap((a) => a.items)),
);

/**
 * Actions that practise the lowest-rated behaviours come first; unrated behaviours count as
 * mid-scale. With an organisation's own instrument, actions for behaviours it retired drop out, and
 * its own behaviours (which no catalogue action knows) are practised by the dimension's general action.
 */
function rankActions(
  report: DerivedReport,
  dimension: DimensionKey,
  instrument?: Instrument,
): CatalogueAction[] {
  const means = new Map(report.items.map((item) => [item.itemId, item.mean]));
  const asked = instrument?.dimensions.find((d) => d.key === dimension)?.items.map((item) => item.id);
  const askedSet = asked ? new Set(asked) : null;
  const own = (asked ?? report.items.filter((i) => i.dimension === dimension).map((i) => i.itemId)).filter(
    (id) => !CATALOGUED.has(id),
  );
  const catalogue = ACTION_CATALOGUE[dimension].filter(
    (action) => !askedSet || action.items.some((id) => askedSet.has(id)),
  );
  const generic = GENERIC_ACTIONS[dimension];
  const candidates = own.length > 0 ? [...catalogue, { ...generic, items: own }] : catalogue;
  const weakest = (action: CatalogueAction) => Math.min(...action.items.map((id) => means.get(id) ?? 3));
  return [...candidates]
    .sort((a, b) => weakest(a) - weakest(b) || candidates.indexOf(a) - candidates.indexOf(b))
    .map((action) => (action.id === generic.id ? generic : action));
}

/**
 * The first plan, its actions and WOOP skeleton written in `language` (the owner's): copied into the
 * plan, they are the owner's words to edit from then on, and never change with anyone's language.
 */
export function generatePlan(
  report: DerivedReport,
  instrument?: Instrument,
  language: Language = "en",
): CoachingPlanDraft {
  const choice = chooseFocus(report);
  const actions = choice.focus.flatMap((dimension) =>
    rankActions(report, dimension, instrument)
      .slice(0, ACTIONS_PER_FOCUS)
      .map((action) => ({ id: action.id, dimension, text: action.texts[language] })),
  );
  const primary = choice.focus[0] as DimensionKey;
  return { ...choice, actions, woop: { ...WOOP_TEMPLATES[primary][language] } };
}

/** Looks an action up by its stable id, e.g. to show a stored plan. */
export function findAction(id: string): (CatalogueAction & { dimension: DimensionKey }) | undefined {
  for (const [dimension, actions] of Object.entries(ACTION_CATALOGUE) as [
    DimensionKey,
    readonly CatalogueAction[],
  ][]) {
    const action = actions.find((candidate) => candidate.id === id);
    if (action) return { ...action, dimension };
    if (GENERIC_ACTIONS[dimension].id === id) return { ...GENERIC_ACTIONS[dimension], dimension };
  }
  return undefined;
}
