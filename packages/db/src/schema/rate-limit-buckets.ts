// Fixed-window counters of the rate limits at the HTTP edge (sign-in per client address and per
// account, password-reset mail, one-time links). In the database so that every API process and
// machine of a deployment counts into the same bucket. The key is a scope and a SHA-256 of what is
// counted (an address, a normalised e-mail, a link's token): no address or token is stored in the
// clear. Rows whose window has passed are dead weight and are deleted from time to time.
import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const rateLimitBuckets = pgTable(
  "rate_limit_buckets",
  {
    key: text().primaryKey(),
    hits: integer().notNull(),
    resetsAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index("rate_limit_buckets_resets_at_idx").on(table.resetsAt)],
);
