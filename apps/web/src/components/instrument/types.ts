// The instrument editor's working copy: the items of a draft as the page edits them.
import { DIMENSION_KEYS, type DimensionKey } from "@fivefold/domain";
import i18next from "i18next";

export interface EditedItem {
  key: string;
  dimension: DimensionKey;
  text: { en: string; de: string };
  retired: boolean;
}

/** Whether the item was in a published version (its key and dimension are then fixed). */
export type Published = ReadonlySet<string>;

export const DIMENSIONS: readonly DimensionKey[] = DIMENSION_KEYS;

/** A dimension's name in the page's language (looked up when shown). */
export function dimensionName(key: DimensionKey): string {
  return i18next.t(`instrument:dimension.${key}`);
}

/** A key no item has yet: the dimension, "own" and the next free number. */
export function freshKey(items: readonly EditedItem[], dimension: DimensionKey): string {
  const taken = new Set(items.map((item) => item.key));
  let n = 1;
  while (taken.has(`${dimension}.own-${n}`)) n += 1;
  return `${dimension}.own-${n}`;
}
