// People of an organisation: the reporting tree, and the link to a sign-in (Better Auth user).

import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { organisations } from "./organisations";

export const people = pgTable(
  "people",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /**
     * The sign-in (one per address, global) this person is reached by; one person per organisation
     * per sign-in, so one sign-in may hold persons in several organisations.
     */
    userId: text().references(() => user.id, { onDelete: "set null" }),
    /** When the sign-in was linked: the earliest-linked active person is a session's default. */
    linkedAt: timestamp({ withTimezone: true }),
    /**
     * Linked because the owner of the address signed in or asked for a password link (maybe for
     * another organisation), but not yet used here: the directory shows "no sign-in" until a session
     * of theirs first answers for this organisation, so an admin never learns from it whether the
     * address is signed in elsewhere.
     */
    awaitingEntry: boolean().notNull().default(false),
    name: text().notNull(),
    email: text().notNull(),
    managerId: uuid().references((): AnyPgColumn => people.id, { onDelete: "set null" }),
    active: boolean().notNull().default(true),
    /** Optional groupings for the organisation view (import columns and people.update). */
    department: text(),
    location: text(),
    /** The identifier an HR system or identity provider gave this person (SCIM `externalId`). */
    externalId: text(),
    /** Where personal notices reach them: `email` (default), `chat` (Slack direct messages) or `both`. */
    notifyBy: text().notNull().default("email"),
    /** The language this person chose (`en`, `de`); null follows the organisation's default. */
    language: text(),
    /** Set when the person's data was erased: name and e-mail are then placeholders. */
    erasedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.orgId, t.email),
    unique().on(t.orgId, t.userId),
    // The membership lookup of every signed-in request goes by sign-in across organisations.
    index().on(t.userId),
    index().on(t.orgId, t.managerId),
    index().on(t.orgId, t.externalId),
    check("people_notify_by", sql`${t.notifyBy} in ('email', 'chat', 'both')`),
    check("people_language", sql`${t.language} is null or ${t.language} in ('en', 'de')`),
    // people.list: its pages walk (org_id, name, id); its search is a prefix of the name, of its last
    // word or of the address, case ignored (text_pattern_ops serves LIKE 'abc%' in any collation).
    index("people_org_id_name_id_index").on(t.orgId, t.name, t.id),
    index("people_org_id_name_prefix_index").on(t.orgId, sql`lower(${t.name}) text_pattern_ops`),
    index("people_org_id_last_name_prefix_index").on(
      t.orgId,
      sql`lower(split_part(${t.name}, ' ', -1)) text_pattern_ops`,
    ),
    index("people_org_id_email_prefix_index").on(t.orgId, sql`lower(${t.email}) text_pattern_ops`),
  ],
);
