// The report computed once at release and frozen: only figures the anonymity rules allow. The five
// "everyone but self" dimension means are also kept as generated columns, so dashboards and the
// organisation view read ten numbers instead of parsing 9 KB snapshots (and every row, old or new,
// however it was written, carries them).
import { type SQL, sql } from "drizzle-orm";
import { check, doublePrecision, index, integer, jsonb, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { feedbackRequests } from "./feedback-requests";
import { organisations } from "./organisations";

/** The others-mean of one dimension in the snapshot, or null where it is hidden. */
const dimensionMean = (key: string): SQL =>
  sql.raw(
    `(jsonb_path_query_first(snapshot, '$.dimensions[*] ? (@.key == "${key}").others.mean') #>> '{}')::double precision`,
  );

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
    inspire: doublePrecision().generatedAlwaysAs(dimensionMean("inspire")),
    vision: doublePrecision().generatedAlwaysAs(dimensionMean("vision")),
    empower: doublePrecision().generatedAlwaysAs(dimensionMean("empower")),
    dream: doublePrecision().generatedAlwaysAs(dimensionMean("dream")),
    risk: doublePrecision().generatedAlwaysAs(dimensionMean("risk")),
  },
  // Reports of an organisation by release, newest first (lists, dashboards, earlier reports): led
  // by org_id like every index (DESIGN §6); without it those read every snapshot of the table.
  (t) => [
    index().on(t.orgId, t.releasedAt),
    check("report_snapshots_instrument_version_positive", sql`${t.instrumentVersion} >= 1`),
  ],
);
