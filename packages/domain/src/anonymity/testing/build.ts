// Test-only: compact builders for hand-written aggregation examples.
import { INSTRUMENT_V1, type RaterGroup, type Score } from "../../instrument";
import type { RaterResponse } from "../types";

export const ITEM_IDS = INSTRUMENT_V1.dimensions.flatMap((dimension) =>
  dimension.items.map((item) => item.id),
);

/** A response scoring every item `score`, with per-item overrides (null = not observed). */
export function rater(
  group: RaterGroup,
  score: Score,
  overrides: Record<string, Score | null> = {},
  comments: RaterResponse["comments"] = [],
): RaterResponse {
  const answers: Record<string, Score | null> = {};
  for (const id of ITEM_IDS) answers[id] = id in overrides ? (overrides[id] ?? null) : score;
  return { group, answers, comments };
}

export function raters(
  group: RaterGroup,
  scores: readonly Score[],
  overrides: Record<string, Score | null> = {},
) {
  return scores.map((score) => rater(group, score, overrides));
}
