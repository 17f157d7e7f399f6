// The instrument editor's working copy: the items of a draft as the page edits them.
import { DIMENSION_KEYS, type DimensionKey, INSTRUMENT_V1 } from "@fivefold/domain";

export interface EditedItem {
  key: string;
  dimension: DimensionKey;
  text: { en: string; de: string };
  retired: boolean;
}

/** Whether the item was in a published version (its key and dimension are then fixed). */
export type Published = ReadonlySet<string>;

export const DIMENSIONS = DIMENSION_KEYS.map((key) => ({
  key,
  name: INSTRUMENT_V1.dimensions.find((d) => d.key === key)?.name ?? key,
}));

/** A key no item has yet: the dimension, "own" and the next free number. */
export function freshKey(items: readonly EditedItem[], dimension: DimensionKey): string {
  const taken = new Set(items.map((item) => item.key));
  let n = 1;
  while (taken.has(`${dimension}.own-${n}`)) n += 1;
  return `${dimension}.own-${n}`;
}

export const LANGUAGE_LABELS = { en: "English", de: "German" } as const;
