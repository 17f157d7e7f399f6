// The figures a team dashboard is built from: each member's released reports, reduced to the
// others-means and self-views per dimension (read inside the database, never the whole snapshot),
// kept only where the access policy lets this viewer read the report, so no combination of what
// the dashboard shows reveals a report they may not.
import type { TeamMemberFacts, TeamReportFacts } from "@fivefold/db";
import {
  DIMENSION_KEYS,
  type DimensionCells,
  type DimensionKey,
  SnapshotParseError,
  type TeamPersonInput,
} from "@fivefold/domain";
import { readableReportsFromFacts } from "../access";
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
  /** The questionnaire version, for a trend across versions (issue 19). */
  instrumentVersion: number;
}

export interface DashboardFigures {
  /** The released reports the viewer may read, newest first per person. */
  readable: Released[];
  /** The people with a released report in scope (the cycle, when filtered) not shared with the viewer. */
  withheld: Set<string>;
}

const isFigure = (value: unknown): value is number | null =>
  value === null || (typeof value === "number" && value >= 1 && value <= 5);

/**
 * A report's figures as the snapshot holds them, or a SnapshotParseError naming the request: a
 * dashboard never shows a figure from a snapshot that is not what was frozen (a score of 1–5 or
 * hidden, on a known dimension, each once).
 */
function cellsOf(report: TeamReportFacts): { others: DimensionCells; self: DimensionCells } {
  const others = emptyCells();
  const self = emptyCells();
  const issues: string[] = [];
  const seen = new Set<string>();
  for (const [key, other, own] of report.dimensions ?? []) {
    if (!(DIMENSION_KEYS as readonly string[]).includes(key) || seen.has(key)) {
      issues.push(`dimensions: unexpected key ${JSON.stringify(key)}`);
      continue;
    }
    seen.add(key);
    if (!isFigure(other) || !isFigure(own)) issues.push(`dimensions.${key}: not a figure of 1 to 5`);
    others[key as DimensionKey] = isFigure(other) ? other : null;
    self[key as DimensionKey] = isFigure(own) ? own : null;
  }
  if (!Number.isInteger(report.instrumentVersion) || report.instrumentVersion < 1) {
    issues.push("instrumentVersion: not a positive integer");
  }
  if (issues.length > 0) throw new SnapshotParseError(report.requestId, issues);
  return { others, self };
}

/**
 * The shown members' released reports, split into those the viewer may read and the people
 * withheld. The facts (rated anonymously, linked as a coach, admins read reports) come with the
 * members; the access policy decides each report.
 */
export function dashboardFigures(
  ctx: MemberServiceContext,
  members: readonly TeamMemberFacts[],
  adminsReadReports: boolean,
  cycle: string | undefined,
): DashboardFigures {
  const rows = members.flatMap((member) =>
    member.reports.map((report) => ({ ...report, subjectId: member.id })),
  );
  const coachees = new Set(members.filter((m) => m.coachLinked).map((m) => m.id));
  const readableIds = readableReportsFromFacts(ctx, rows, { coachees, adminsReadReports });
  const inScope = (row: { cycleId: string | null }) => !cycle || row.cycleId === cycle;
  const withheld = new Set(
    rows.filter((row) => !readableIds.has(row.requestId) && inScope(row)).map((row) => row.subjectId),
  );
  const readable = rows
    .filter((row) => readableIds.has(row.requestId))
    .map(
      (row): Released => ({
        requestId: row.requestId,
        subjectId: row.subjectId,
        cycleId: row.cycleId,
        releasedAt: new Date(row.releasedAt),
        ...cellsOf(row),
        instrumentVersion: row.instrumentVersion,
      }),
    );
  return { readable, withheld };
}

/** The latest of each subject's reports among `released` (newest first per subject). */
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
