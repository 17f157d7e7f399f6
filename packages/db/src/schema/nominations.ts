// Nominations: who should rate a request, in which group, proposed by whom, and the decision.
import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { raterGroupEnum } from "./enums";
import { feedbackRequests } from "./feedback-requests";
import { organisations } from "./organisations";
import { people } from "./people";

export const nominations = pgTable(
  "nominations",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    requestId: uuid()
      .notNull()
      .references(() => feedbackRequests.id, { onDelete: "cascade" }),
    /** A member of the organisation… */
    personId: uuid().references(() => people.id, { onDelete: "cascade" }),
    /** …or an external rater, who answers through the one-time link. */
    email: text(),
    group: raterGroupEnum().notNull(),
    proposedById: uuid()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** null while the manager has not decided. */
    approved: boolean(),
    /**
     * An external address an admin who does not read the report vouched for (rule 9), before the
     * request opened; such a rater then counts towards k like a colleague.
     */
    externalApprovedById: uuid().references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.orgId, t.requestId, t.personId),
    unique().on(t.orgId, t.requestId, t.email),
    index().on(t.orgId, t.requestId),
    check("nominations_person_or_email", sql`(${t.personId} is not null) or (${t.email} is not null)`),
  ],
);
