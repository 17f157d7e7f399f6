// Coaching plans: what the subject will work on after a released report, and how it goes.
import { date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { cadenceEnum, planStateEnum } from "./enums";
import { feedbackRequests } from "./feedback-requests";
import { organisations } from "./organisations";
import { people } from "./people";

/**
 * The column's shape of the domain's `PlanAction` (packages/domain/src/plans/plan-content.ts), the
 * one declaration: packages/db does not depend on the domain, so this mirrors it (with the
 * dimension as a plain string), and apps/api/src/services/grow/content.ts fails to compile if the
 * two drift apart.
 */
export interface PlanActionColumn {
  id: string;
  dimension: string;
  text: string;
  picked: boolean;
  status: "not_started" | "in_progress" | "done";
}

export interface Woop {
  wish: string;
  outcome: string;
  obstacle: string;
  plan: string;
}

export const coachingPlans = pgTable(
  "coaching_plans",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** The released report the plan grew from. */
    requestId: uuid()
      .notNull()
      .references(() => feedbackRequests.id, { onDelete: "cascade" }),
    subjectId: uuid()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    state: planStateEnum().notNull().default("draft"),
    focus: jsonb().$type<string[]>().notNull(),
    strength: text().notNull(),
    actions: jsonb().$type<PlanActionColumn[]>().notNull(),
    woop: jsonb().$type<Woop>().notNull(),
    cadence: cadenceEnum().notNull().default("fortnightly"),
    startsOn: date({ mode: "string" }).notNull(),
    endsOn: date({ mode: "string" }).notNull(),
    /** Latest progress figure 0–100, copied from the last check-in for dashboards. */
    progress: integer().notNull().default(0),
    reflection: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique().on(t.orgId, t.requestId), index().on(t.orgId, t.subjectId)],
);
