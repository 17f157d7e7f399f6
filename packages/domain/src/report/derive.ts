// deriveReport(): everything a person reads in a released report, computed from the frozen
// snapshot (and earlier snapshots of the same subject for the trend). Uses shown figures only.
import type { ReportSnapshot } from "../anonymity";
import { InvalidInputError } from "../errors";
import { findDimension, getInstrument } from "../instrument";
import { blindSpot, gapOf, hiddenStrength } from "./gaps";
import { highestAndLowest, shownItems } from "./highlights";
import { spectrumPosition } from "./numbers";
import { trendOf } from "./trend";
import type { DerivedReport, DeriveReportOptions, GapFinding, ProfileEntry } from "./types";

function positiveOption(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new InvalidInputError(`${name} must be a positive number`, { [name]: `Got ${value}` });
  }
  return value;
}

export function deriveReport(snapshot: ReportSnapshot, options: DeriveReportOptions = {}): DerivedReport {
  const blindSpotGap = positiveOption("blindSpotGap", options.blindSpotGap ?? 1);
  const hiddenStrengthGap = positiveOption("hiddenStrengthGap", options.hiddenStrengthGap ?? 1);
  const instrument = (options.instrumentOf ?? getInstrument)(snapshot.instrumentVersion);
  const { trend, note } = trendOf(snapshot, options);

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
    trend,
    trendNote: note,
  };
}
