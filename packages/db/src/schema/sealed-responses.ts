// Released responses: what was answered, with no rater, no invitation, a random UUIDv4 id and one
// day, so nothing joins an answer to the person who gave it. Written once, at release, in random
// order and in the same transaction that opens and deletes the request's sealed envelopes; before
// release a response exists only as ciphertext (`sealed_envelopes`).
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
    /**
     * The day of release, the same for every response of the request: a day per answer would let
     * someone who knows when a person answered (a reminder they got, a chat) pick theirs out.
     */
    submittedOn: date({ mode: "string" }).notNull(),
  },
  (t) => [index().on(t.orgId, t.requestId)],
);
