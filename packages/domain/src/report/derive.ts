// deriveReport(): everything a person reads in a released report, computed from the frozen
// snapshot (and earlier snapshots of the same subject for the trend). Uses shown figures only.
import type { ReportSnapshot } from "../anonymity";
import { InvalidInputError } from "../errors";
import { DIMENSION_KEYS, type DimensionKey, findDimension, getInstrument } from "../instrument";
import { blindSpot, gapOf, hiddenStrength } from "./gaps";
import { highestAndLowest, shownItems } from "./highlights";
import { spectrumPosition, toIso } from "./numbers";
import type { DerivedReport, DeriveReportOptions, GapFinding, ProfileEntry, TrendPoint } from "./types";

function positiveOption(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new InvalidInputError(`${name} must be a positive number`, { [name]: `Got ${value}` });
  }
  return value;
}

function othersMean(snapshot: ReportSnapshot, key: DimensionKey): number | null {
  return snapshot.dimensions.find((dimension) => dimension.key === key)?.others?.mean ?? null;
}

function trendOf(snapshot: ReportSnapshot, options: DeriveReportOptions): Record<DimensionKey, TrendPoint[]> {
  const earlier = (options.earlier ?? [])
    .map((entry) => ({ releasedAt: toIso(entry.releasedAt), snapshot: entry.snapshot }))
    .sort((a, b) => (a.releasedAt < b.releasedAt ? -1 : a.releasedAt > b.releasedAt ? 1 : 0));
  const current = { releasedAt: options.releasedAt ? toIso(options.releasedAt) : null, snapshot };
  const points = [...earlier, current];
  return Object.fromEntries(
    DIMENSION_KEYS.map((key) => [
      key,
      points.map((point) => ({ releasedAt: point.releasedAt, mean: othersMean(point.snapshot, key) })),
    ]),
  ) as Record<DimensionKey, TrendPoint[]>;
}

export function deriveReport(snapshot: ReportSnapshot, options: DeriveReportOptions = {}): DerivedReport {
  const blindSpotGap = positiveOption("blindSpotGap", options.blindSpotGap ?? 1);
  const hiddenStrengthGap = positiveOption("hiddenStrengthGap", options.hiddenStrengthGap ?? 1);
  const instrument = getInstrument(snapshot.instrumentVersion);

  const profile: ProfileEntry[] = snapshot.dimensions.map((figures) => ({
    key: figures.key,
    name: findDimension(instrument, figures.key).name,
    others: figures.others?.mean ?? null,
    othersN: figures.others?.n ?? null,
    self: figures.self,
    manager: figures.manager,
    groups: figures.groups.map(({ group, label, mean, n }) => ({ group, label, mean, n })),
  }));
  const gaps = snapshot.dimensions.map(gapOf);
  const findings = (find: typeof blindSpot, threshold: number) =>
    gaps.flatMap((gap) => find(gap, findDimension(instrument, gap.key), threshold) ?? ([] as GapFinding[]));
  const items = shownItems(snapshot, instrument);

  return {
    instrumentVersion: snapshot.instrumentVersion,
    profile,
    gaps,
    blindSpots: findings(blindSpot, blindSpotGap),
    hiddenStrengths: findings(hiddenStrength, hiddenStrengthGap),
    items,
    ...highestAndLowest(items),
    spectrum: snapshot.dimensions.map((figures) => {
      const dimension = findDimension(instrument, figures.key);
      return {
        key: figures.key,
        position: spectrumPosition(figures.others?.mean ?? null),
        selfPosition: spectrumPosition(figures.self),
        leadership: dimension.leadership,
        management: dimension.management,
      };
    }),
    trend: trendOf(snapshot, options),
  };
}
