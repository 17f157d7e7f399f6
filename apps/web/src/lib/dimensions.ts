// One colour per dimension, used everywhere (Okabe–Ito: distinguishable with colour-blindness).
import type { DimensionKey } from "@fivefold/domain";

export const DIMENSION_COLORS: Record<DimensionKey, string> = {
  inspire: "#E69F00",
  vision: "#0072B2",
  empower: "#009E73",
  dream: "#CC79A7",
  risk: "#D55E00",
};

// Okabe–Ito colours, far apart for every kind of colour vision; each at least 3:1 against the card in
// both schemes (others 5.2:1, manager 3.1:1 on white), and manager against others a different hue.
export const SERIES_COLORS = { others: "#0072B2", self: "#E69F00", manager: "#CC79A7" } as const;

export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : value.toFixed(2);
}
