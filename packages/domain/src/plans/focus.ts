// The focus rule of the plan generator (also in the README):
//   1. Only dimensions with a shown everyone-but-self mean take part.
//   2. Each gets a focus score: its others-mean, minus half the self-over-others gap when that gap
//      makes it a blind spot. Blind spots therefore weigh more: a habit others see less than the
//      person thinks is the likeliest to surprise and the most worth working on.
//   3. The lowest focus score is the first focus. The next lowest joins as a second focus when it
//      is a blind spot too, or when its score is within 0.25 of the first (a near tie).
//   4. The strength to build on is, outside the focus, the largest hidden strength if there is
//      one, otherwise the highest others-mean; failing both, the highest self-mean, then the
//      first remaining dimension. Ties always go to the dimension that comes first in the instrument.
import { PreconditionFailedError } from "../errors";
import { DIMENSION_KEYS, type DimensionKey } from "../instrument";
import type { DerivedReport } from "../report";

export const NEAR_TIE = 0.25;

export interface FocusChoice {
  focus: DimensionKey[];
  strength: DimensionKey;
  reasons: { focus: string[]; strength: string };
}

interface Scored {
  key: DimensionKey;
  name: string;
  others: number;
  self: number | null;
  blindSpot: boolean;
  score: number;
}

const order = (key: DimensionKey) => DIMENSION_KEYS.indexOf(key);

function scoreDimensions(report: DerivedReport): Scored[] {
  const blind = new Map(report.blindSpots.map((finding) => [finding.dimension, finding.gap]));
  return report.profile.flatMap((entry) => {
    if (entry.others === null) return [];
    const gap = blind.get(entry.key);
    return [
      {
        key: entry.key,
        name: entry.name,
        others: entry.others,
        self: entry.self,
        blindSpot: gap !== undefined,
        score: entry.others - (gap === undefined ? 0 : gap / 2),
      },
    ];
  });
}

function focusReason(entry: Scored): string {
  const base = `${entry.name}: others rate it ${entry.others.toFixed(1)} on average`;
  return entry.blindSpot && entry.self !== null
    ? `${base}, and you rate yourself higher (${entry.self.toFixed(1)}), a blind spot`
    : `${base}, among your lowest`;
}

function chooseStrength(
  report: DerivedReport,
  focus: readonly DimensionKey[],
): { key: DimensionKey; reason: string } {
  const open = (key: DimensionKey) => !focus.includes(key);
  const hidden = report.hiddenStrengths
    .filter((finding) => open(finding.dimension))
    .sort((a, b) => a.gap - b.gap || order(a.dimension) - order(b.dimension))[0];
  if (hidden) {
    return {
      key: hidden.dimension,
      reason: `${hidden.name}: a hidden strength, others see it more than you do`,
    };
  }
  const best = (pick: (entry: DerivedReport["profile"][number]) => number | null) =>
    report.profile
      .filter((entry) => open(entry.key) && pick(entry) !== null)
      .sort((a, b) => (pick(b) ?? 0) - (pick(a) ?? 0) || order(a.key) - order(b.key))[0];
  const byOthers = best((entry) => entry.others);
  if (byOthers) {
    return {
      key: byOthers.key,
      reason: `${byOthers.name}: others rate it highest (${byOthers.others?.toFixed(1)}) outside your focus`,
    };
  }
  const bySelf = best((entry) => entry.self);
  if (bySelf) return { key: bySelf.key, reason: `${bySelf.name}: the strength you see in yourself` };
  const first = DIMENSION_KEYS.find(open) as DimensionKey;
  return { key: first, reason: "No released figure points to a strength yet" };
}

export function chooseFocus(report: DerivedReport): FocusChoice {
  const scored = scoreDimensions(report).sort((a, b) => a.score - b.score || order(a.key) - order(b.key));
  const [first, second] = scored;
  if (!first) {
    throw new PreconditionFailedError(
      "This report shows no 'everyone but self' figure, so there is nothing to base a coaching plan on",
    );
  }
  const chosen = [first];
  if (second && (second.blindSpot || second.score - first.score <= NEAR_TIE + 1e-9)) chosen.push(second);
  const focus = chosen.map((entry) => entry.key);
  const strength = chooseStrength(report, focus);
  return {
    focus,
    strength: strength.key,
    reasons: { focus: chosen.map(focusReason), strength: strength.reason },
  };
}
