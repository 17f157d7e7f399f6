// The "why" beside a plan's focus and strength, from the released report the plan grew from.
// Works for what the subject chose as well as for what the generator proposed. Only the owner
// and their coach read it: it quotes report figures.
import type { DimensionKey } from "../instrument";
import type { DerivedReport } from "../report";

/**
 * Why, as data, for each language to write: `no-figure`, `blind-spot`, `lowest` or `chosen` for a
 * focus; `hidden`, `base`, `self-seen` or `own-choice` for the strength, with the figures it quotes.
 */
export type PlanReasonCode =
  | "no-figure"
  | "blind-spot"
  | "lowest"
  | "chosen"
  | "hidden"
  | "base"
  | "self-seen"
  | "own-choice";

export interface PlanReason {
  dimension: DimensionKey;
  /** In English. */
  reason: string;
  code: PlanReasonCode;
  others: number | null;
  self: number | null;
}

export interface PlanReasons {
  focus: PlanReason[];
  strength: PlanReason;
}

const LOWEST = 2;

export function explainPlan(
  report: DerivedReport,
  plan: { focus: readonly DimensionKey[]; strength: DimensionKey },
): PlanReasons {
  const entry = (key: DimensionKey) => report.profile.find((candidate) => candidate.key === key);
  const nameOf = (key: DimensionKey) => entry(key)?.name ?? key;
  const lowest = report.profile
    .filter((candidate) => candidate.others !== null)
    .sort((a, b) => (a.others ?? 0) - (b.others ?? 0))
    .slice(0, LOWEST)
    .map((candidate) => candidate.key);

  const focus = plan.focus.map((dimension) => {
    const figures = entry(dimension);
    const blind = report.blindSpots.find((finding) => finding.dimension === dimension);
    if (!figures || figures.others === null) {
      return {
        dimension,
        reason: `${nameOf(dimension)}: too few raters scored it to show a figure; your own choice`,
        code: "no-figure" as const,
        others: null,
        self: null,
      };
    }
    const base = `${figures.name}: others rate it ${figures.others.toFixed(1)} on average`;
    if (blind) {
      return {
        dimension,
        reason: `${base}, and you rate yourself higher (${blind.self.toFixed(1)}), a blind spot`,
        code: "blind-spot" as const,
        others: figures.others,
        self: blind.self,
      };
    }
    const isLowest = lowest.includes(dimension);
    return {
      dimension,
      reason: isLowest ? `${base}, among your lowest` : `${base}; you chose to work on it`,
      code: isLowest ? ("lowest" as const) : ("chosen" as const),
      others: figures.others,
      self: null,
    };
  });

  const key = plan.strength;
  const figures = entry(key);
  const hidden = report.hiddenStrengths.find((finding) => finding.dimension === key);
  let strength: PlanReason;
  if (hidden) {
    strength = {
      dimension: key,
      reason: `${hidden.name}: a hidden strength, others rate it ${hidden.others.toFixed(1)} and you ${hidden.self.toFixed(1)}`,
      code: "hidden",
      others: hidden.others,
      self: hidden.self,
    };
  } else if (figures && figures.others !== null) {
    strength = {
      dimension: key,
      reason: `${figures.name}: others rate it ${figures.others.toFixed(1)} on average, a base to build on`,
      code: "base",
      others: figures.others,
      self: null,
    };
  } else if (figures && figures.self !== null) {
    strength = {
      dimension: key,
      reason: `${figures.name}: the strength you see in yourself`,
      code: "self-seen",
      others: null,
      self: figures.self,
    };
  } else {
    strength = {
      dimension: key,
      reason: `${nameOf(key)}: your own choice`,
      code: "own-choice",
      others: null,
      self: null,
    };
  }
  return { focus, strength };
}
