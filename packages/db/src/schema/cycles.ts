// Cycles: a 360 run across many people at once (DESIGN §3). An admin chooses who takes part and
// the rater rules, pre-flights and launches it; subjects propose peers until nominations close,
// raters answer until answers are due, and the reports release together. Rows written before cycles
// were a journey (the demo's history) carry only a name and a window, and are released.
import { date, index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { cyclePhaseEnum } from "./enums";
import { organisations } from "./organisations";
import { people } from "./people";

export const cycles = pgTable(
  "cycles",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** The first day of the cycle (its creation, for cycles made in the app). */
    startsOn: date({ mode: "string" }).notNull(),
    /** The last day (the release day, for cycles made in the app). */
    endsOn: date({ mode: "string" }).notNull(),
    /** Written explicitly by the app; the default covers rows from before (released campaigns). */
    phase: cyclePhaseEnum().notNull().default("released"),
    /** Who takes part, as chosen: `{ everyone: true }`, `{ teamIds }`, `{ managers: true }` or `{ personIds }`. */
    population: jsonb().$type<Record<string, unknown>>(),
    /** The rater rules with their defaults filled in (packages/domain cycles/rules). */
    rules: jsonb().$type<Record<string, unknown>>(),
    nominationsCloseOn: date({ mode: "string" }),
    answersDueOn: date({ mode: "string" }),
    releaseOn: date({ mode: "string" }),
    createdById: uuid().references(() => people.id, { onDelete: "set null" }),
    launchedAt: timestamp({ withTimezone: true }),
    releasedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.orgId, t.name), index().on(t.orgId, t.startsOn), index().on(t.phase, t.orgId)],
);
