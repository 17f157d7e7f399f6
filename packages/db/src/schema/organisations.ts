// An organisation is the tenant: every other tenant table carries its id.
import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const organisations = pgTable(
  "organisations",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    anonymityThreshold: integer().notNull().default(3),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("organisations_threshold_at_least_3", sql`${t.anonymityThreshold} >= 3`)],
);
