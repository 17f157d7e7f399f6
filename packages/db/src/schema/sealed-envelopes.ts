// Sealed envelopes: a response while its request collects, as ciphertext only. The key is derived
// from a server secret that is not in the database, so a reader of the database or of a backup
// learns that an envelope exists and nothing of what it holds: not the answers, not the comments,
// not even the rater group. No invitation, no person, no time. At release the envelopes are opened,
// aggregated and deleted; only then are the responses written in the clear (`sealed_responses`).
import { index, pgTable, uuid } from "drizzle-orm/pg-core";
import { bytea } from "./bytea";
import { feedbackRequests } from "./feedback-requests";
import { organisations } from "./organisations";

export const sealedEnvelopes = pgTable(
  "sealed_envelopes",
  {
    /** Generated in the application with crypto.randomUUID() (v4): no order, no time. */
    id: uuid().primaryKey(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    requestId: uuid()
      .notNull()
      .references(() => feedbackRequests.id, { onDelete: "cascade" }),
    /** AES-256-GCM under the request's key: version, nonce, ciphertext, tag (see the API's sealing.ts). */
    ciphertext: bytea().notNull(),
  },
  (t) => [index().on(t.orgId, t.requestId)],
);
