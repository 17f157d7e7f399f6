// A team's trend across cycles whose reports used different questionnaire versions (issue 19): each
// report's dimension figure is then taken over the behaviours asked under the same key in every
// version (the mean of its shown item figures), and the trend says so. One version: unchanged.
import { keptKeys, keptMeans, keptTrendNote } from "@fivefold/domain";
import type { MemberServiceContext } from "../context";
import { instrumentsOf } from "../instrument/versions";
import type { Released } from "./figures";

export async function comparableAcrossVersions(
  ctx: MemberServiceContext,
  reports: readonly Released[],
): Promise<{ reports: Released[]; note: string | null }> {
  const versions = [...new Set(reports.map((r) => r.instrumentVersion))].sort((a, b) => a - b);
  if (versions.length <= 1) return { reports: [...reports], note: null };
  const instrumentOf = await instrumentsOf(ctx, ctx.org.id, versions);
  const kept = keptKeys(versions.map(instrumentOf));
  return {
    reports: reports.map((report) => ({ ...report, others: keptMeans(report.itemMeans, kept) })),
    note: keptTrendNote(versions, kept),
  };
}
