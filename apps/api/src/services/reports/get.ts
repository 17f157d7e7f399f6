// reports.get: one released report, figures from the frozen snapshot only, derived with the
// domain, plus the trend against the subject's earlier released reports that this reader may read
// too. Nothing here reads a single response; who may read is the access policy's.
import { findReportRequest, listEarlierReleasedReports } from "@fivefold/db";
import {
  deriveReport,
  type EarlierSnapshot,
  NotFoundError,
  PreconditionFailedError,
  parseSnapshot,
  type ReportView,
} from "@fivefold/domain";
import { readableReports, readerScope, readReportRelation } from "../access";
import type { MemberServiceContext } from "../context";
import { noReportReason, reportView } from "./view";

/** The subject's reports released before `before` that the caller may read, for the trend. */
async function readableEarlierSnapshots(
  ctx: MemberServiceContext,
  subjectId: string,
  before: Date,
): Promise<EarlierSnapshot[]> {
  const rows = await listEarlierReleasedReports(ctx.db, ctx.org.id, subjectId, before);
  const readable = await readableReports(ctx, rows, (await readerScope(ctx)).coachees);
  return rows
    .filter((row) => readable.has(row.requestId))
    .map((row) => ({
      releasedAt: row.releasedAt.toISOString(),
      snapshot: parseSnapshot(row.snapshot, row.requestId),
    }));
}

export async function getReport({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { requestId: string };
}): Promise<ReportView> {
  const row = await findReportRequest(ctx.db, ctx.org.id, input.requestId);
  if (!row) throw new NotFoundError("Report");
  const relation = await readReportRelation(ctx, row);
  if (!row.snapshot || !row.releasedAt) throw new PreconditionFailedError(noReportReason(row));
  const snapshot = parseSnapshot(row.snapshot, row.requestId);
  const releasedAt = row.releasedAt.toISOString();
  const earlier = await readableEarlierSnapshots(ctx, row.subjectId, row.releasedAt);
  return reportView({
    requestId: row.requestId,
    subjectId: row.subjectId,
    subjectName: row.subjectName,
    relation,
    releasedAt,
    snapshot,
    derived: deriveReport(snapshot, { earlier, releasedAt }),
  });
}
