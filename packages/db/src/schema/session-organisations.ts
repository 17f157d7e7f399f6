// The organisation a session chose (me.switchOrganisation): a sign-in that holds persons in several
// organisations answers for one at a time. Read by the membership lookup on every request, so a
// switch takes effect at once whatever the session cookie cache holds. Without a row, a session
// answers for the earliest-linked active person.
import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { session } from "./auth";
import { organisations } from "./organisations";

export const sessionOrganisations = pgTable("session_organisations", {
  sessionId: text()
    .primaryKey()
    .references(() => session.id, { onDelete: "cascade" }),
  orgId: uuid()
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  chosenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
