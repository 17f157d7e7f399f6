// The report computed once at release and frozen: only figures the anonymity rules allow.
import { integer, jsonb, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { feedbackRequests } from "./feedback-requests";
import { organisations } from "./organisations";

export const reportSnapshots = pgTable("report_snapshots", {
  requestId: uuid()
    .primaryKey()
    .references(() => feedbackRequests.id, { onDelete: "cascade" }),
  orgId: uuid()
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
  instrumentVersion: integer().notNull(),
  releasedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
