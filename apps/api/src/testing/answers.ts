// Complete answer sets for tests: every behaviour of the instrument with a given score.
import { getInstrument } from "@fivefold/domain";

export function fullAnswers(score: number | null | ((itemId: string, index: number) => number | null)) {
  const items = getInstrument().dimensions.flatMap((d) => d.items.map((item) => item.id));
  return items.map((itemId, index) => ({
    itemId,
    score: typeof score === "function" ? score(itemId, index) : score,
  }));
}
