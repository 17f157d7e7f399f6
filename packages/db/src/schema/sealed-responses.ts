// Sealed responses: what was answered, with no rater, no invitation, a random UUIDv4 id and the
// day only, so nothing joins an answer to the person who gave it.
import { date, index, jsonb, pgTable, uuid } from "drizzle-orm/pg-core";
import { raterGroupEnum } from "./enums";
import { feedbackRequests } from "./feedback-requests";
import { organisations } from "./organisations";

export const sealedResponses = pgTable(
  "sealed_responses",
  {
    /** Generated in the application with crypto.randomUUID() (v4): no order, no time. */
    id: uuid().primaryKey(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    requestId: uuid()
      .notNull()
      .references(() => feedbackRequests.id, { onDelete: "cascade" }),
    group: raterGroupEnum().notNull(),
    answers: jsonb().$type<Record<string, number | null>>().notNull(),
    comments: jsonb().$type<Array<{ dimension: string; text: string }>>().notNull(),
    submittedOn: date({ mode: "string" }).notNull(),
  },
  (t) => [index().on(t.orgId, t.requestId)],
);
