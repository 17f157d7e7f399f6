// Authentication through Better Auth: e-mail and password sessions stored in our database.
// Sign-up is closed: people are created by the organisation (seed, import), never by themselves.
import type { Database } from "@fivefold/db";
import { sanitiseDatabaseError, schema } from "@fivefold/db";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { createAuthMiddleware } from "better-auth/api";
import { ensureSignInIdentity, linkNewPeopleOfSignIn, sendPasswordLink } from "./services/auth/identity";
import { ssoPlugin } from "./sso-plugin";

export interface AuthOptions {
  db: Database;
  secret: string;
  /** The origin the app is served from (used for links); sign-in is accepted from trustedOrigins. */
  baseURL: string;
  trustedOrigins: string[];
  production: boolean;
  /** The sealing secret (SSO client secrets are sealed under it); without it there is no SSO. */
  sealingSecret?: string;
}

/** How long a browser's signed copy of its session is trusted without asking the database. */
export const SESSION_CACHE_SECONDS = 60;

export function createAuth(options: AuthOptions) {
  // Over HTTPS the cookies are Secure and `__Host-` named: the browser then sends them to this
  // exact origin only, never sets them from http:// or a sibling subdomain (Domain is never set).
  const https = options.baseURL.startsWith("https://");
  return betterAuth({
    appName: "Fivefold",
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: "/api/auth",
    trustedOrigins: options.trustedOrigins,
    database: drizzleAdapter(options.db, {
      provider: "pg",
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
      },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 8,
      // Setting a first password and resetting one are the same e-mailed link.
      resetPasswordTokenExpiresIn: 3 * 24 * 60 * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, token }) =>
        sendPasswordLink(options.db, { userId: user.id, token, appUrl: options.baseURL }),
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/request-password-reset" && typeof ctx.body?.email === "string") {
          await ensureSignInIdentity(options.db, ctx.body.email);
        }
      }),
      // A person added with this address (by any organisation) since the last sign-in joins it, so
      // me.organisations offers their organisation at once.
      after: createAuthMiddleware(async (ctx) => {
        const signedIn = ctx.context.newSession?.user;
        if (ctx.path === "/sign-in/email" && signedIn) {
          await linkNewPeopleOfSignIn(options.db, { userId: signedIn.id, email: signedIn.email });
        }
      }),
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      // The session rides in a signed cookie for up to SESSION_CACHE_SECONDS, so most requests skip
      // the database for it; sign-out clears that cookie at once. How long a session revoked
      // elsewhere lives on: docs/security.md, "Session cache".
      cookieCache: { enabled: true, maxAge: SESSION_CACHE_SECONDS },
    },
    plugins: plugins(options),
    telemetry: { enabled: false },
    // Its errors reach the console without the values of a failed query (a session token, an address).
    logger: {
      log: (level, message: unknown, ...args: unknown[]) => {
        const write = level === "error" ? console.error : level === "warn" ? console.warn : console.log;
        const text = typeof message === "string" ? message : sanitiseDatabaseError(message);
        write("[Better Auth]", text, ...args.map(sanitiseDatabaseError));
      },
    },
    advanced: {
      // Better Auth turns its origin check off when NODE_ENV=test; we want it on everywhere.
      disableOriginCheck: false,
      ...(https
        ? {
            useSecureCookies: false,
            cookiePrefix: "__Host-better-auth",
            defaultCookieAttributes: { secure: true, path: "/", sameSite: "lax", httpOnly: true },
          }
        : {}),
    },
    // Limits are counted at the edge, in the database, across every process (http/rate-limits.ts);
    // Better Auth's own counter lives in one process's memory.
    rateLimit: { enabled: false },
  });
}

/** Single sign-on through each organisation's OpenID provider (sso-plugin.ts), given the sealing secret. */
function plugins(options: AuthOptions) {
  const { db, sealingSecret, baseURL } = options;
  return sealingSecret ? [ssoPlugin({ db, sealingSecret, baseURL })] : [];
}

export type Auth = ReturnType<typeof createAuth>;

/** Origins a browser may sign in from: the public URL and this port on the loopback names. */
export function servedOrigins(port: number, publicUrl: string | undefined): string[] {
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`];
  if (publicUrl) origins.unshift(new URL(publicUrl).origin);
  return origins;
}
