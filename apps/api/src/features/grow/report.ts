// The released report a plan grows from, read from its frozen snapshot. Only the plan's owner and
// their coach ever reach this module's results (through the reasons); the circle never does.
import { type Executor, schema } from "@fivefold/db";
import {
  type DerivedReport,
  deriveReport,
  type ReportSnapshot,
  reportSnapshotSchema,
} from "@fivefold/domain";
import { and, eq } from "drizzle-orm";

export function parseSnapshot(json: unknown): ReportSnapshot | null {
  const parsed = reportSnapshotSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export async function loadDerivedReport(
  db: Executor,
  orgId: string,
  requestId: string,
): Promise<DerivedReport | null> {
  const [row] = await db
    .select({ snapshot: schema.reportSnapshots.snapshot, releasedAt: schema.reportSnapshots.releasedAt })
    .from(schema.reportSnapshots)
    .where(and(eq(schema.reportSnapshots.orgId, orgId), eq(schema.reportSnapshots.requestId, requestId)));
  const snapshot = row ? parseSnapshot(row.snapshot) : null;
  return snapshot && row ? deriveReport(snapshot, { releasedAt: row.releasedAt }) : null;
}
