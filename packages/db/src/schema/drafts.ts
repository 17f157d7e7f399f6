// A rater's unsent answers, per invitation; deleted in the same transaction that seals the response.
import { jsonb, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { invitations } from "./invitations";
import { organisations } from "./organisations";

export const drafts = pgTable("drafts", {
  invitationId: uuid()
    .primaryKey()
    .references(() => invitations.id, { onDelete: "cascade" }),
  orgId: uuid()
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  answers: jsonb().$type<Record<string, number | null>>().notNull(),
  comments: jsonb().$type<Array<{ dimension: string; text: string }>>().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
