// Invitations record THAT a rater was asked and whether they answered, never WHAT they answered:
// there is no link from an invitation to a sealed response, no time of submission and no reason
// for declining (free text next to the rater would be a response with a name on it).
import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { cycles } from "./cycles";
import { invitationStateEnum, raterGroupEnum } from "./enums";
import { feedbackRequests } from "./feedback-requests";
import { organisations } from "./organisations";
import { people } from "./people";

export const invitations = pgTable(
  "invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    requestId: uuid()
      .notNull()
      .references(() => feedbackRequests.id, { onDelete: "cascade" }),
    /**
     * The request's cycle, copied when the invitation is written (a request never changes cycle),
     * so a cycle's progress reads its own invitations through one index instead of probing the
     * invitations of each of its ten thousand requests.
     */
    cycleId: uuid().references(() => cycles.id, { onDelete: "set null" }),
    /** A member of the organisation, answering in the inbox (and through the link). */
    personId: uuid().references(() => people.id, { onDelete: "set null" }),
    /** An external rater, answering through the one-time link only. */
    email: text(),
    group: raterGroupEnum().notNull(),
    /** SHA-256 (hex) of the one-time link's token; the token itself is never stored. */
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    state: invitationStateEnum().notNull().default("pending"),
    /**
     * Whether this rater counts towards k (rule 9), fixed when the request opens: colleagues do;
     * externals of a group all do or all do not. One who does not may answer, but their answers are
     * not kept, since a reader of the report may be the one answering.
     */
    counts: boolean().notNull().default(true),
    /**
     * The idempotency key of the submit that sealed this invitation's answer, chosen by the
     * rater's browser: a retry of that very submit (its answer lost on the way back) is told it
     * succeeded. Kept here, never on the sealed response, so it joins nothing to an answer.
     */
    submitKey: text(),
  },
  (t) => [
    unique().on(t.orgId, t.requestId, t.personId),
    unique().on(t.orgId, t.requestId, t.email),
    index().on(t.orgId, t.personId),
    index().on(t.orgId, t.requestId),
    index().on(t.orgId, t.cycleId),
    check("invitations_person_or_email", sql`(${t.personId} is not null) or (${t.email} is not null)`),
  ],
);
