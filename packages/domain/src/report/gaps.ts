// Self-versus-others gaps, and the blind spots and hidden strengths they reveal.
import type { DimensionFigures } from "../anonymity";
import type { InstrumentDimension } from "../instrument";
import { round2 } from "./numbers";
import type { GapEntry, GapFinding } from "./types";

export function gapOf(figures: DimensionFigures): GapEntry {
  const others = figures.others?.mean ?? null;
  const gap = figures.self !== null && others !== null ? round2(figures.self - others) : null;
  return { key: figures.key, self: figures.self, others, gap };
}

const points = (value: number) => `${value.toFixed(1)} ${Math.abs(value - 1) < 1e-9 ? "point" : "points"}`;

export function blindSpot(
  entry: GapEntry,
  dimension: InstrumentDimension,
  threshold: number,
): GapFinding | null {
  if (entry.gap === null || entry.self === null || entry.others === null) return null;
  if (entry.gap < threshold - 1e-9) return null;
  return {
    dimension: entry.key,
    name: dimension.name,
    self: entry.self,
    others: entry.others,
    gap: entry.gap,
    explanation: `You rate yourself ${points(entry.gap)} higher than others do on ${dimension.name} (${entry.self.toFixed(1)} against ${entry.others.toFixed(1)}). Others may not see this habit as often as you believe you show it.`,
  };
}

export function hiddenStrength(
  entry: GapEntry,
  dimension: InstrumentDimension,
  threshold: number,
): GapFinding | null {
  if (entry.gap === null || entry.self === null || entry.others === null) return null;
  if (-entry.gap < threshold - 1e-9) return null;
  return {
    dimension: entry.key,
    name: dimension.name,
    self: entry.self,
    others: entry.others,
    gap: entry.gap,
    explanation: `Others rate you ${points(-entry.gap)} higher than you rate yourself on ${dimension.name} (${entry.others.toFixed(1)} against ${entry.self.toFixed(1)}). You show this habit more than you give yourself credit for.`,
  };
}
