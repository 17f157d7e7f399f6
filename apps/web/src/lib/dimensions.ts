// One colour per dimension, used everywhere (Okabe–Ito: distinguishable with colour-blindness).
import type { DimensionKey } from "@fivefold/domain";

export const DIMENSION_COLORS: Record<DimensionKey, string> = {
  inspire: "#E69F00",
  vision: "#0072B2",
  empower: "#009E73",
  dream: "#CC79A7",
  risk: "#D55E00",
};

export const SERIES_COLORS = { others: "#0072B2", self: "#E69F00", manager: "#009E73" } as const;

export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : value.toFixed(2);
}
