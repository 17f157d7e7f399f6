// The figures a team dashboard is built from: each member's released reports, reduced to the
// others-means and self-views per dimension, kept only where the access policy lets this viewer
// read the report, so no combination of what the dashboard shows reveals a report they may not.
import { listReleasedSnapshotsAbout } from "@fivefold/db";
import {
  DIMENSION_KEYS,
  type DimensionCells,
  itemMeansOf,
  parseSnapshot,
  type TeamPersonInput,
} from "@fivefold/domain";
import { readableReports, readerScope } from "../access";
import type { MemberServiceContext } from "../context";

export const emptyCells = (): DimensionCells =>
  Object.fromEntries(DIMENSION_KEYS.map((k) => [k, null])) as DimensionCells;

export interface Released {
  requestId: string;
  subjectId: string;
  cycleId: string | null;
  releasedAt: Date;
  others: DimensionCells;
  self: DimensionCells;
  /** The questionnaire version, and the shown item means, for a trend across versions (issue 19). */
  instrumentVersion: number;
  itemMeans: Record<string, number | null>;
}

export interface DashboardFigures {
  /** The released reports the viewer may read, newest first. */
  readable: Released[];
  /** The people with a released report in scope (the cycle, when filtered) not shared with the viewer. */
  withheld: Set<string>;
}

/** The members' released reports, split into those the viewer may read and the people withheld. */
export async function dashboardFigures(
  ctx: MemberServiceContext,
  subjectIds: readonly string[],
  cycle: string | undefined,
): Promise<DashboardFigures> {
  const rows = await listReleasedSnapshotsAbout(ctx.db, ctx.org.id, subjectIds);
  const readableIds = await readableReports(ctx, rows, (await readerScope(ctx)).coachees);
  const inScope = (row: { cycleId: string | null }) => !cycle || row.cycleId === cycle;
  const withheld = new Set(
    rows.filter((row) => !readableIds.has(row.requestId) && inScope(row)).map((row) => row.subjectId),
  );
  const readable = rows
    .filter((row) => readableIds.has(row.requestId))
    .map((row): Released => {
      const snapshot = parseSnapshot(row.snapshot, row.requestId);
      const others = emptyCells();
      const self = emptyCells();
      for (const d of snapshot.dimensions) {
        others[d.key] = d.others?.mean ?? null;
        self[d.key] = d.self;
      }
      const { requestId, subjectId, cycleId, releasedAt } = row;
      const version = snapshot.instrumentVersion;
      return {
        requestId,
        subjectId,
        cycleId,
        releasedAt,
        others,
        self,
        instrumentVersion: version,
        itemMeans: itemMeansOf(snapshot),
      };
    });
  return { readable, withheld };
}

/** The latest of each subject's reports among `released` (already newest first). */
export function latestBySubject(
  released: readonly Released[],
  filter: (r: Released) => boolean = () => true,
) {
  const latest = new Map<string, Released>();
  for (const r of released) if (filter(r) && !latest.has(r.subjectId)) latest.set(r.subjectId, r);
  return latest;
}

/** A report as the domain's dashboard rules take it. */
export const latestInput = (report: Released | undefined): TeamPersonInput["latest"] =>
  report
    ? {
        requestId: report.requestId,
        releasedAt: report.releasedAt.toISOString(),
        others: report.others,
        self: report.self,
      }
    : null;
