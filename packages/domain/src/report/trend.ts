// The trend of a subject's reports per dimension. On one questionnaire version it is each report's
// everyone-but-self dimension mean; across versions a dimension's items differ, so it compares only
// the behaviours kept under the same key in every version (the mean of their shown item figures,
// which says nothing those shown figures do not) and says so.
import type { ReportSnapshot } from "../anonymity";
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

function keptMean(snapshot: ReportSnapshot, key: DimensionKey, kept: ReadonlySet<string>): number | null {
  const items = snapshot.dimensions.find((d) => d.key === key)?.items ?? [];
  const means = items.flatMap((item) => (kept.has(item.id) && item.others ? [item.others.mean] : []));
  return means.length === 0 ? null : round2(means.reduce((sum, mean) => sum + mean, 0) / means.length);
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
  const trend = Object.fromEntries(
    DIMENSION_KEYS.map((key) => {
      const keys = new Set(kept[key]);
      return [key, points.map((p) => ({ releasedAt: p.releasedAt, mean: keptMean(p.snapshot, key, keys) }))];
    }),
  ) as Record<DimensionKey, TrendPoint[]>;
  const count = DIMENSION_KEYS.reduce((sum, key) => sum + kept[key].length, 0);
  return {
    trend,
    note: `These reports used different versions of the questionnaire (${versions.join(", ")}): the trend compares only the ${count} behaviours asked under the same key in every version, as the mean of their figures`,
  };
}
