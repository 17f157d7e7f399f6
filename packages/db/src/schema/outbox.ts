// Notices to send (e-mails, and their chat copies), written in the same transaction as the change
// that causes them.
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { outboxStateEnum } from "./enums";
import { organisations } from "./organisations";

export const outbox = pgTable(
  "outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    template: text().notNull(),
    /**
     * How it goes: `email` over SMTP; `slack_dm` as a Slack direct message to the person with this
     * address; `slack_channel` to the organisation's announcement webhook (cycle-level, no names).
     */
    channel: text().notNull().default("email"),
    /** One notice per key and organisation: writing it twice is a no-op (at least once, never twice). */
    dedupeKey: text(),
    toEmail: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    meta: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    state: outboxStateEnum().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.state, t.nextAttemptAt),
    index().on(t.orgId, t.createdAt),
    unique("outbox_org_id_dedupe_key_unique").on(t.orgId, t.dedupeKey),
    check("outbox_channel", sql`${t.channel} in ('email', 'slack_dm', 'slack_channel')`),
  ],
);
