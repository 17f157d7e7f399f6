// How many anonymous raters a request takes: at least the organisation's threshold k (never below
// 3), so the report can be released, and at most 20 in all. The form and the server share these.
import { MIN_ANONYMITY_THRESHOLD } from "./settings";

export const MIN_ANONYMOUS_RATERS = MIN_ANONYMITY_THRESHOLD;
export const MAX_ANONYMOUS_RATERS = 20;

/** The fewest anonymous raters who must count for a request under threshold k. */
export function minimumAnonymousRaters(threshold: number): number {
  return Math.max(MIN_ANONYMOUS_RATERS, threshold);
}
