// Per-organisation bearer tokens for other systems (an identity provider's SCIM client, a script
// reading the API). Only a SHA-256 of the secret is kept: the secret is shown once, when created.
// The prefix (the token's first characters, not secret) lets an admin tell tokens apart.
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { people } from "./people";

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** The token's visible start (`fvf_` and 8 characters), for telling tokens apart in lists. */
    prefix: text().notNull(),
    /** SHA-256 (hex) of the whole token; the token itself is never stored. */
    secretHash: text().notNull().unique(),
    /** What the token may do: `scim`, `people:read`, `cycles:read`, `cycles:write`, `analytics:read`. */
    scopes: text().array().notNull(),
    createdBy: uuid().references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Written at most once a minute, so a busy client does not write on every call. */
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    /** Optional: from this moment on the token is refused (401), as if revoked. */
    expiresAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.orgId, t.createdAt)],
);
