// An organisation's own instrument (issue 19): each published version of its behaviours, and at
// most one working draft (published_at null). Version 1 is the built-in instrument and never
// stored; a request and its report record the version they used. Items are the domain's
// VersionItem list, every key the organisation ever used (retired ones marked), never edited once
// published: open requests and released reports depend on the words.
import { sql } from "drizzle-orm";
import {
  check,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { people } from "./people";

export const instrumentVersions = pgTable(
  "instrument_versions",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    items: jsonb().$type<unknown[]>().notNull(),
    /** Null while it is the working draft. */
    publishedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid().references(() => people.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.version] }),
    // The one working draft per organisation.
    uniqueIndex("instrument_versions_one_draft").on(t.orgId).where(sql`${t.publishedAt} is null`),
    check("instrument_versions_after_built_in", sql`${t.version} >= 2`),
  ],
);
