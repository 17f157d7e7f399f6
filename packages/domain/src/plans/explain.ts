// The "why" beside a plan's focus and strength, from the released report the plan grew from.
// Works for what the subject chose as well as for what the generator proposed. Only the owner
// and their coach read it: it quotes report figures.
import type { DimensionKey } from "../instrument";
import type { DerivedReport } from "../report";

export interface PlanReasons {
  focus: Array<{ dimension: DimensionKey; reason: string }>;
  strength: { dimension: DimensionKey; reason: string };
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
      };
    }
    const base = `${figures.name}: others rate it ${figures.others.toFixed(1)} on average`;
    if (blind) {
      return {
        dimension,
        reason: `${base}, and you rate yourself higher (${blind.self.toFixed(1)}), a blind spot`,
      };
    }
    return {
      dimension,
      reason: lowest.includes(dimension) ? `${base}, among your lowest` : `${base}; you chose to work on it`,
    };
  });

  const key = plan.strength;
  const figures = entry(key);
  const hidden = report.hiddenStrengths.find((finding) => finding.dimension === key);
  let reason: string;
  if (hidden) {
    reason = `${hidden.name}: a hidden strength, others rate it ${hidden.others.toFixed(1)} and you ${hidden.self.toFixed(1)}`;
  } else if (figures && figures.others !== null) {
    reason = `${figures.name}: others rate it ${figures.others.toFixed(1)} on average, a base to build on`;
  } else if (figures && figures.self !== null) {
    reason = `${figures.name}: the strength you see in yourself`;
  } else {
    reason = `${nameOf(key)}: your own choice`;
  }
  return { focus, strength: { dimension: key, reason } };
}
