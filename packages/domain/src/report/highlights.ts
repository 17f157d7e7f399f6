// Highest and lowest behaviours by everyone-but-self mean, ties broken by item id so the same
// snapshot always gives the same list.
import type { ReportSnapshot } from "../anonymity";
import { type Instrument, indexItems } from "../instrument";
import type { ItemHighlight } from "./types";

export function shownItems(snapshot: ReportSnapshot, instrument: Instrument): ItemHighlight[] {
  const index = indexItems(instrument);
  return snapshot.dimensions.flatMap((dimension) =>
    dimension.items.flatMap((item) => {
      if (!item.others) return [];
      return [
        {
          itemId: item.id,
          dimension: dimension.key,
          text: index.get(item.id)?.item.text ?? item.id,
          mean: item.others.mean,
          n: item.others.n,
        },
      ];
    }),
  );
}

const byId = (a: ItemHighlight, b: ItemHighlight) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0);

export function highestAndLowest(items: readonly ItemHighlight[], count = 3) {
  const highest = [...items].sort((a, b) => b.mean - a.mean || byId(a, b)).slice(0, count);
  // With few shown behaviours the two lists would overlap; a behaviour is listed once, as a high.
  const lowest = items
    .filter((item) => !highest.includes(item))
    .sort((a, b) => a.mean - b.mean || byId(a, b))
    .slice(0, count);
  return { highest, lowest };
}
