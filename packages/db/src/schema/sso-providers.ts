// An organisation's identity provider for single sign-on (OpenID Connect): at most one per
// organisation. The client secret is kept sealed (AES-256-GCM under a key derived from the server's
// sealing secret, apps/api/src/services/auth/sso-secret.ts) and never leaves the server.
import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { session } from "./auth";
import { organisations } from "./organisations";

export const ssoProviders = pgTable(
  "sso_providers",
  {
    orgId: uuid()
      .primaryKey()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** The issuer URL; its `/.well-known/openid-configuration` is read at each sign-in. */
    issuer: text().notNull(),
    clientId: text().notNull(),
    /** The client secret, sealed (base64url); write-only through the API. */
    clientSecretSealed: text().notNull(),
    /** The e-mail domains (lower case, sorted) whose people sign in through this provider. */
    domains: text().array().notNull(),
    /**
     * Take the provider's address as verified when its token does not say (`email_verified` absent),
     * for providers such as Entra ID that never send it. An explicit `false` is still refused.
     */
    trustUnstatedVerification: boolean().notNull().default(false),
    /** When true, people of this organisation cannot sign in with a password. */
    passwordsDisabled: boolean().notNull().default(false),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // The sign-in page finds the provider by the domain of the address typed.
  (t) => [index("sso_providers_domains_index").using("gin", t.domains)],
);

/**
 * A session created through an organisation's identity provider. It answers for that organisation
 * only: another organisation's provider never vouches for this one's people (queries/membership.ts).
 */
export const ssoSessions = pgTable("sso_sessions", {
  sessionId: text()
    .primaryKey()
    .references(() => session.id, { onDelete: "cascade" }),
  orgId: uuid()
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
