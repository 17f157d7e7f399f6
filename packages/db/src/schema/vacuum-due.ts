// One row per change that left dead row versions worth vacuuming away soon: a release, a close as
// insufficient, a cancellation or an erasure deleted sealed envelopes. The maintenance job claims
// the rows and vacuums `sealed_envelopes` and `invitations` outside those transactions. Rows are
// only ever inserted by the changes (never updated), so bulk releases never queue on one row.
import { bigint, pgTable, timestamp } from "drizzle-orm/pg-core";

export const vacuumDue = pgTable("vacuum_due", {
  id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
