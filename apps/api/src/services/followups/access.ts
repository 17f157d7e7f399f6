// Who may thank the raters of a request: its subject alone (asked of the one access policy), once
// the report is released. Another organisation's id is not found; inside the organisation a request
// is no secret (reports.get says FORBIDDEN too), so anyone else is refused in so many words.
import { findReportRequest } from "@fivefold/db";
import { ForbiddenError, NotFoundError, PreconditionFailedError } from "@fivefold/domain";
import { readReportRelation } from "../access";
import type { MemberServiceContext } from "../context";

export type ThankableReport = NonNullable<Awaited<ReturnType<typeof findReportRequest>>> & {
  snapshot: Record<string, unknown>;
  releasedAt: Date;
};

export async function loadOwnReleasedReport(
  ctx: MemberServiceContext,
  requestId: string,
): Promise<ThankableReport> {
  const row = await findReportRequest(ctx.db, ctx.org.id, requestId);
  if (!row) throw new NotFoundError("Report");
  // The one access policy first (readers other than the subject are told what reports.get tells
  // them), then the subject alone: a reader of the report may not write to its raters.
  const relation = await readReportRelation(ctx, row);
  if (relation !== "self" || row.subjectId !== ctx.person.id) {
    throw new ForbiddenError("Only the person the report is about can thank their raters");
  }
  if (row.state !== "released" || !row.snapshot || !row.releasedAt) {
    throw new PreconditionFailedError(
      "Your raters can be thanked once your report is released: until then nothing is sent",
    );
  }
  return row as ThankableReport;
}
