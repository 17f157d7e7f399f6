// A feedback request: who is rated, who asked, until when, and under which threshold (frozen at open).
import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cycles } from "./cycles";
import { insufficientReasonEnum, requestStateEnum } from "./enums";
import { organisations } from "./organisations";
import { people } from "./people";

export const feedbackRequests = pgTable(
  "feedback_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    subjectId: uuid()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    requesterId: uuid()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    deadline: timestamp({ withTimezone: true }).notNull(),
    /** The organisation's threshold, copied when the request opens and never changed after. */
    threshold: integer().notNull(),
    instrumentVersion: integer().notNull(),
    state: requestStateEnum().notNull().default("draft"),
    /** Set when the request closed without a report. */
    insufficientReason: insufficientReasonEnum(),
    /** The campaign this request belongs to, if any. */
    cycleId: uuid().references(() => cycles.id, { onDelete: "set null" }),
    /** When non-responders were last reminded (the reminder job sends one per request). */
    remindedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    openedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.orgId, t.subjectId),
    index().on(t.orgId, t.requesterId),
    // A cycle's requests (its progress, hold, release) are read by cycle within the organisation.
    index().on(t.orgId, t.cycleId),
    index().on(t.state, t.deadline),
    // At most one request per subject collects answers at a time (rule 10): two at once with raters
    // one apart would give that one person's answers by subtraction.
    uniqueIndex("feedback_requests_one_active_per_subject")
      .on(t.orgId, t.subjectId)
      .where(sql`${t.state} in ('draft', 'open')`),
    check("feedback_requests_threshold_at_least_3", sql`${t.threshold} >= 3`),
    // Version 1 is the built-in instrument; an organisation's own versions count on from 2.
    check("feedback_requests_instrument_version_positive", sql`${t.instrumentVersion} >= 1`),
  ],
);
