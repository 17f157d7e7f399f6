// One colour per dimension, used everywhere (Okabe–Ito: distinguishable with colour-blindness), and
// the dimensions' names and scores as the page's language writes them.
import type { DimensionKey } from "@fivefold/domain";
import i18next from "i18next";
import { formatNumber } from "./format";

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

/** A built-in dimension's name ("Take risks", "Risiken eingehen"). */
export function dimensionLabel(key: DimensionKey): string {
  return i18next.t(`common:dimension.${key}`);
}

/** A mean score with two decimals (`3.40`, German `3,40`); a dash where there is none. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : formatNumber(value, 2);
}
