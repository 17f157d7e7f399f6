// An organisation is the tenant: every other tenant table carries its id.
import { sql } from "drizzle-orm";
import { boolean, check, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const organisations = pgTable(
  "organisations",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    anonymityThreshold: integer().notNull().default(3),
    /** Anonymous comments need at least this many raters behind them (never below the threshold). */
    commentThreshold: integer().notNull().default(3),
    /** Show the manager's answers apart, labelled (otherwise they only count in "everyone but self"). */
    showManagerApart: boolean().notNull().default(true),
    /** Whether admins may read released reports (off by default). */
    adminsReadReports: boolean().notNull().default(false),
    /** Remind non-responders this many days before a request's deadline (0: never). */
    reminderDays: integer().notNull().default(3),
    /** Domains whose addresses count as external raters (DESIGN §4 rule 9); lower case, sorted. */
    externalRaterDomains: jsonb().$type<string[]>().notNull().default([]),
    /** Rule 10 compares a new report with the subject's earlier ones released this many days back. */
    historyWindowDays: integer().notNull().default(120),
    /** How reports open: "scores" first, or "behaviours" and suggested actions first (issue 19). */
    reportMode: text().notNull().default("scores"),
    /** The language people read unless they chose their own (`en` or `de`); e-mails too. */
    language: text().notNull().default("en"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("organisations_threshold_at_least_3", sql`${t.anonymityThreshold} >= 3`),
    check("organisations_comment_threshold", sql`${t.commentThreshold} >= ${t.anonymityThreshold}`),
    check("organisations_reminder_days", sql`${t.reminderDays} between 0 and 60`),
    check("organisations_history_window_days", sql`${t.historyWindowDays} between 0 and 730`),
    check("organisations_report_mode", sql`${t.reportMode} in ('scores', 'behaviours')`),
    check("organisations_language", sql`${t.language} in ('en', 'de')`),
  ],
);
