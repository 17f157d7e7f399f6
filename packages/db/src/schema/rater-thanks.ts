// The subject's one thank-you to their raters after release (issue 19). One row per request: the
// primary key is what makes "once" hold when two sends race (the second insert waits for the first
// and then finds the row). It holds no text and no recipient: the mails are in the outbox, and
// nothing here joins a rater to anything.
import { integer, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { feedbackRequests } from "./feedback-requests";
import { organisations } from "./organisations";

export const raterThanks = pgTable(
  "rater_thanks",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    requestId: uuid()
      .notNull()
      .references(() => feedbackRequests.id, { onDelete: "cascade" }),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    /** Mails written (never shown to the subject: an erasure since release would show in it). */
    mails: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.requestId] })],
);
