// The report computed once at release and frozen: only figures the anonymity rules allow.
import { index, integer, jsonb, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { feedbackRequests } from "./feedback-requests";
import { organisations } from "./organisations";

export const reportSnapshots = pgTable(
  "report_snapshots",
  {
    requestId: uuid()
      .primaryKey()
      .references(() => feedbackRequests.id, { onDelete: "cascade" }),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
    instrumentVersion: integer().notNull(),
    releasedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // Reports of an organisation by release, newest first (lists, dashboards, earlier reports): led
  // by org_id like every index (DESIGN §6); without it those read every snapshot of the table.
  (t) => [index().on(t.orgId, t.releasedAt)],
);
