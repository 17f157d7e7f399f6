// The behaviour-first layout of a report (issue 19): what to keep doing and what to work on, as
// behaviours with suggested actions and no scores, so the report points at the task rather than at
// the person (Kluger and DeNisi 1996). Drawn from the same shown figures as the highlights: a
// behaviour without a shown everyone-but-self figure is in neither list.
import type { DimensionKey } from "../instrument";
import type { DerivedReport } from "../report";
import { ACTION_CATALOGUE } from "./catalogue";

/** Suggested actions per behaviour to work on. */
export const ACTIONS_PER_BEHAVIOUR = 2;

export interface BehaviourToKeep {
  itemId: string;
  dimension: DimensionKey;
  text: string;
}

export interface BehaviourToWorkOn extends BehaviourToKeep {
  actions: Array<{ id: string; text: string }>;
}

export interface BehaviourFocus {
  keep: BehaviourToKeep[];
  workOn: BehaviourToWorkOn[];
}

/**
 * Catalogue actions that practise this behaviour, else its dimension's first ones. The text is
 * English; the web shows the catalogue's text in the reader's language by the action's id.
 */
function actionsFor(itemId: string, dimension: DimensionKey) {
  const catalogue = ACTION_CATALOGUE[dimension];
  const practising = catalogue.filter((action) => action.items.includes(itemId));
  return (practising.length > 0 ? practising : catalogue)
    .slice(0, ACTIONS_PER_BEHAVIOUR)
    .map((action) => ({ id: action.id, text: action.texts.en }));
}

export function behaviourFocus(report: Pick<DerivedReport, "highest" | "lowest">): BehaviourFocus {
  const plain = ({ itemId, dimension, text }: BehaviourToKeep) => ({ itemId, dimension, text });
  return {
    keep: report.highest.map(plain),
    workOn: report.lowest.map((item) => ({
      ...plain(item),
      actions: actionsFor(item.itemId, item.dimension),
    })),
  };
}
