// Cycles: optional campaigns (a name and a window) that group feedback requests, so dashboards and
// trends can compare like with like.
import { date, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";

export const cycles = pgTable(
  "cycles",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    startsOn: date({ mode: "string" }).notNull(),
    endsOn: date({ mode: "string" }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.orgId, t.name), index().on(t.orgId, t.startsOn)],
);
