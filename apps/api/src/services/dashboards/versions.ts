// A team's trend across cycles whose reports used different questionnaire versions (issue 19): each
// report's dimension figure is then taken over the behaviours asked under the same key in every
// version (the mean of its shown item figures), and the trend says so. One version: unchanged, and
// no snapshot is read; several: the snapshots of those reports are read (and checked) for their
// item figures.
import { findSnapshots } from "@fivefold/db";
import { itemMeansOf, keptKeys, keptMeans, keptTrendNote, parseSnapshot } from "@fivefold/domain";
import type { MemberServiceContext } from "../context";
import { instrumentsOf } from "../instrument/versions";
import type { Released } from "./figures";

export async function comparableAcrossVersions(
  ctx: MemberServiceContext,
  reports: readonly Released[],
): Promise<{ reports: Released[]; note: string | null }> {
  const versions = [...new Set(reports.map((r) => r.instrumentVersion))].sort((a, b) => a - b);
  if (versions.length <= 1) return { reports: [...reports], note: null };
  const [instrumentOf, snapshots] = await Promise.all([
    instrumentsOf(ctx, ctx.org.id, versions),
    findSnapshots(
      ctx.db,
      ctx.org.id,
      reports.map((r) => r.requestId),
    ),
  ]);
  const kept = keptKeys(versions.map(instrumentOf));
  return {
    reports: reports.map((report) => {
      const snapshot = parseSnapshot(snapshots.get(report.requestId), report.requestId);
      return { ...report, others: keptMeans(itemMeansOf(snapshot), kept) };
    }),
    note: keptTrendNote(versions, kept),
  };
}
