// The bell's read marks (issue 18): which of a person's notifications they opened or dismissed.
// The notifications themselves are derived from the state that also sends the e-mails; only this
// mark has nowhere else to live. A key names the event ("report:<request id>"), never a rater.
import { pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { people } from "./people";

export const notificationReads = pgTable(
  "notification_reads",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    key: text().notNull(),
    readAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.personId, t.key] })],
);
