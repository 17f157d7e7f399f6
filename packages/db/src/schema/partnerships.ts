// Accountability partners: the support circle of a plan (3–5 partners and one lead).
import { boolean, index, jsonb, pgTable, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { coachingPlans } from "./coaching-plans";
import { partnerRoleEnum, partnershipStateEnum } from "./enums";
import { organisations } from "./organisations";
import { people } from "./people";

export const partnerships = pgTable(
  "partnerships",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    planId: uuid()
      .notNull()
      .references(() => coachingPlans.id, { onDelete: "cascade" }),
    personId: uuid()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    role: partnerRoleEnum().notNull(),
    state: partnershipStateEnum().notNull().default("invited"),
    invitedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique().on(t.orgId, t.planId, t.personId), index().on(t.orgId, t.personId)],
);

/** Whether a person may be suggested as an accountability partner, and for which dimensions. */
export const partnerPreferences = pgTable("partner_preferences", {
  personId: uuid()
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  orgId: uuid()
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  optIn: boolean().notNull().default(false),
  /** Dimension keys the person offers to support; empty means any. */
  dimensions: jsonb().$type<string[]>().notNull().default([]),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
