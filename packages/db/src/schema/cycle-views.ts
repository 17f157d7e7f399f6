// A cycle's organisation view, frozen when the cycle is released (DESIGN §4 rules 4 and 7): who
// sat in which cell and each report's figures at that moment, and the cells as a reader who knows
// no report sees them. The view of a released cycle is read from here only, so a later change (a
// team move, an erasure, a renamed department) never moves a figure that a reader could subtract
// from an earlier look. No foreign key to requests or people: deleting them must not change it.
import {
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "./bytea";
import { cycles } from "./cycles";
import { organisations } from "./organisations";

/** One released report of the cycle: its subject's cells at release and its five figures. */
export const cycleViewReports = pgTable(
  "cycle_view_reports",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    cycleId: uuid()
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    requestId: uuid().notNull(),
    /** Null once the subject is erased: the figures stay in the cells, tied to nobody. */
    subjectId: uuid(),
    requesterId: uuid(),
    /** Keys of the cells (every grouping) the subject sat in at release, e.g. `team:<id>`, `level:level-2`. */
    cellKeys: text().array().notNull(),
    inspire: doublePrecision(),
    vision: doublePrecision(),
    empower: doublePrecision(),
    dream: doublePrecision(),
    risk: doublePrecision(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.cycleId, t.requestId] })],
);

/** One cell of the cycle's view (or the total, key `all`), as shown to a reader who knows no report. */
export const cycleViewCells = pgTable(
  "cycle_view_cells",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    cycleId: uuid()
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    /** `<grouping>:<key>`, or `all` for the whole organisation. */
    key: text().notNull(),
    label: text().notNull(),
    /** Order within its grouping (by label, as the live view sorts). */
    position: integer().notNull(),
    /** `{ people, dimensions }` of the cell after suppression, for a reader who knows no report. */
    view: jsonb().$type<Record<string, unknown>>().notNull(),
    /** On the total only: k at release, participation and the distribution bands. */
    threshold: integer(),
    participation: jsonb().$type<{ invited: number; answered: number }>(),
    distribution: jsonb().$type<Record<string, unknown>>(),
    frozenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.cycleId, t.key] })],
);

/**
 * The same frozen view in the compact form a reader who knows some reports is served from (the
 * domain's `encodeOrgView`: figures per report index, every cell's members as indexes, what the
 * stored cells show as bits, each report named by its request). Written with the rows above, or at
 * the first read of a cycle frozen before it existed; no subject or requester in it.
 */
export const cycleViewPrepared = pgTable(
  "cycle_view_prepared",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    cycleId: uuid()
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    data: bytea().notNull(),
    frozenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.cycleId] })],
);
