// The trend of a subject's reports per dimension. On one questionnaire version it is each report's
// everyone-but-self dimension mean; across versions a dimension's items differ, so it compares only
// the behaviours kept under the same key in every version (the mean of their shown item figures,
// which says nothing those shown figures do not) and says so.
import type { ReportSnapshot } from "../anonymity";
import { forPeople } from "../i18n/for-people";
import { DIMENSION_KEYS, type DimensionKey, getInstrument, type Instrument, keptKeys } from "../instrument";
import { round2, toIso } from "./numbers";
import type { DeriveReportOptions, TrendPoint } from "./types";

interface Point {
  releasedAt: string | null;
  snapshot: ReportSnapshot;
}

export interface Trend {
  trend: Record<DimensionKey, TrendPoint[]>;
  /** Why the trend leaves behaviours out (versions differ); null when it compares like with like. */
  note: string | null;
}

function pointsOf(snapshot: ReportSnapshot, options: DeriveReportOptions): Point[] {
  const earlier = (options.earlier ?? [])
    .map((entry) => ({ releasedAt: toIso(entry.releasedAt), snapshot: entry.snapshot }))
    .sort((a, b) => (a.releasedAt < b.releasedAt ? -1 : a.releasedAt > b.releasedAt ? 1 : 0));
  return [...earlier, { releasedAt: options.releasedAt ? toIso(options.releasedAt) : null, snapshot }];
}

/** Everyone-but-self mean of each shown item of a snapshot. */
export function itemMeansOf(snapshot: ReportSnapshot): Record<string, number | null> {
  return Object.fromEntries(
    snapshot.dimensions.flatMap((d) => d.items.map((item) => [item.id, item.others?.mean ?? null])),
  );
}

/** The sentence a trend across versions carries (for people: the web translates it): which versions, and how many behaviours it compares. */
export function keptTrendNote(
  versions: readonly number[],
  kept: Record<DimensionKey, readonly string[]>,
): string {
  const count = DIMENSION_KEYS.reduce((sum, key) => sum + kept[key].length, 0);
  return forPeople(
    `These reports used different versions of the questionnaire (${versions.join(", ")}): the trend compares only the ${count} behaviours asked under the same key in every version, as the mean of their figures`,
  );
}

/**
 * A report's per-dimension figure over the kept behaviours only: the mean of its shown item
 * figures (everyone but self) on those keys, null where none is shown.
 */
export function keptMeans(
  itemMeans: Readonly<Record<string, number | null>>,
  kept: Record<DimensionKey, readonly string[]>,
): Record<DimensionKey, number | null> {
  return Object.fromEntries(
    DIMENSION_KEYS.map((key) => {
      const means = kept[key].flatMap((id) => {
        const mean = itemMeans[id];
        return mean === null || mean === undefined ? [] : [mean];
      });
      return [key, means.length === 0 ? null : round2(means.reduce((a, b) => a + b, 0) / means.length)];
    }),
  ) as Record<DimensionKey, number | null>;
}

export function trendOf(snapshot: ReportSnapshot, options: DeriveReportOptions): Trend {
  const points = pointsOf(snapshot, options);
  const versions = [...new Set(points.map((point) => point.snapshot.instrumentVersion))].sort(
    (a, b) => a - b,
  );
  if (versions.length <= 1) {
    const mean = (point: Point, key: DimensionKey) =>
      point.snapshot.dimensions.find((dimension) => dimension.key === key)?.others?.mean ?? null;
    return {
      trend: Object.fromEntries(
        DIMENSION_KEYS.map((key) => [
          key,
          points.map((p) => ({ releasedAt: p.releasedAt, mean: mean(p, key) })),
        ]),
      ) as Record<DimensionKey, TrendPoint[]>,
      note: null,
    };
  }
  const resolve = options.instrumentOf ?? getInstrument;
  const kept = keptKeys(versions.map((version): Instrument => resolve(version)));
  const means = points.map((p) => keptMeans(itemMeansOf(p.snapshot), kept));
  const trend = Object.fromEntries(
    DIMENSION_KEYS.map((key) => [
      key,
      points.map((p, index) => ({ releasedAt: p.releasedAt, mean: means[index]?.[key] ?? null })),
    ]),
  ) as Record<DimensionKey, TrendPoint[]>;
  return { trend, note: keptTrendNote(versions, kept) };
}
