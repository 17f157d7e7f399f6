// Check-ins: the subject's progress on a plan, and partners' encouragement on each.
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { coachingPlans } from "./coaching-plans";
import { organisations } from "./organisations";
import { people } from "./people";

export const checkins = pgTable(
  "checkins",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    planId: uuid()
      .notNull()
      .references(() => coachingPlans.id, { onDelete: "cascade" }),
    progress: integer().notNull(),
    note: text().notNull().default(""),
    actions: jsonb().$type<Array<{ actionId: string; status: string }>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.orgId, t.planId, t.createdAt),
    check("checkins_progress_range", sql`${t.progress} between 0 and 100`),
  ],
);

export const encouragements = pgTable(
  "encouragements",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    checkinId: uuid()
      .notNull()
      .references(() => checkins.id, { onDelete: "cascade" }),
    authorId: uuid()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    text: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.orgId, t.checkinId)],
);
