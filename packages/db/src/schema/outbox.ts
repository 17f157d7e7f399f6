// E-mails to send, written in the same transaction as the change that causes them.
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
  (t) => [index().on(t.state, t.nextAttemptAt), index().on(t.orgId, t.createdAt)],
);
