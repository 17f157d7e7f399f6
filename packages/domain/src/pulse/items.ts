// Which behaviours a pulse asks about: every behaviour of the plan's focus dimensions, in the
// instrument version of the report the plan grew from.
import { type DimensionKey, getInstrument } from "../instrument";

export interface PulseItem {
  readonly id: string;
  readonly dimension: DimensionKey;
  readonly text: string;
}

export function pulseItems(instrumentVersion: number, focus: readonly string[]): PulseItem[] {
  const instrument = getInstrument(instrumentVersion);
  return focus.flatMap((key) => {
    const dimension = instrument.dimensions.find((candidate) => candidate.key === key);
    if (!dimension) return [];
    return dimension.items.map((item) => ({ id: item.id, dimension: dimension.key, text: item.text }));
  });
}
