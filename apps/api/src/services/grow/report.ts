// The released report a plan grows from, read from its frozen snapshot. Only the plan's owner and
// their coach ever reach this module's results (through the reasons); the circle never does.
import { findPlanReportSnapshot } from "@fivefold/db";
import {
  type DerivedReport,
  deriveReport,
  type Instrument,
  type ReportSnapshot,
  reportSnapshotSchema,
} from "@fivefold/domain";
import { z } from "zod";
import type { MemberServiceContext } from "../context";
import { instrumentOfVersion } from "../instrument/versions";

/**
 * The one place grow turns a stored snapshot into the domain's shape. A snapshot that does not
 * match the schema is a fault of the stored data, never "no report": it fails loudly instead of
 * passing for a missing report. (When @fivefold/domain exports `parseSnapshot`, this body becomes
 * `return parseSnapshot(json);`.)
 */
export function parseStoredSnapshot(json: unknown): ReportSnapshot {
  const parsed = reportSnapshotSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `A stored report snapshot does not match the snapshot schema:\n${z.prettifyError(parsed.error)}`,
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}

/** The report derived from the request's released snapshot, or null when there is none. */
export async function loadDerivedReport(
  ctx: MemberServiceContext,
  requestId: string,
): Promise<(DerivedReport & { instrument: Instrument }) | null> {
  const row = await findPlanReportSnapshot(ctx.db, ctx.org.id, requestId);
  if (!row) return null;
  const snapshot = parseStoredSnapshot(row.snapshot);
  // The questionnaire the report used: the organisation's own version, or the built-in one.
  const instrument = await instrumentOfVersion(ctx, ctx.org.id, snapshot.instrumentVersion);
  const derived = deriveReport(snapshot, { releasedAt: row.releasedAt, instrumentOf: () => instrument });
  return { ...derived, instrument };
}
