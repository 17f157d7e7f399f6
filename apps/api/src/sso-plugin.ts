// Single sign-on as a Better Auth plugin of our own (two endpoints), so the session it makes is an
// ordinary Better Auth session with its cookie. The protocol is openid-client's
// (services/auth/sso.ts); the browser is bound to its start by a signed, short-lived cookie holding
// the state, and the state's PKCE verifier and nonce wait server-side in Better Auth's verification
// table, used once.
import type { Database } from "@fivefold/db";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthEndpoint } from "better-auth/api";
import { setSessionCookie } from "better-auth/cookies";
import { z } from "zod";
import { bindSsoSession, finishSso, type PendingSso, startSso } from "./services/auth/sso";

const STATE_COOKIE = "sso_state";
const PENDING_SECONDS = 10 * 60;

export function ssoPlugin(options: { db: Database; sealingSecret: string; baseURL: string }) {
  const base = options.baseURL.replace(/\/+$/, "");
  const env = {
    db: options.db,
    sealingSecret: options.sealingSecret,
    redirectUri: `${base}/api/auth/sso/callback`,
  };
  const signInPage = (reason: string) => `${base}/sign-in?sso=${encodeURIComponent(reason)}`;
  return {
    id: "fivefold-sso",
    endpoints: {
      fivefoldSsoStart: createAuthEndpoint(
        "/sso/start",
        { method: "POST", body: z.object({ email: z.string().max(320) }) },
        async (ctx) => {
          const started = await startSso(env, ctx.body.email);
          if (!started) {
            throw new APIError("NOT_FOUND", {
              code: "NO_SSO",
              message: "Your organisation does not sign in through a company account.",
            });
          }
          await ctx.context.internalAdapter.createVerificationValue({
            identifier: `fivefold-sso:${started.state}`,
            value: JSON.stringify(started.pending),
            expiresAt: new Date(Date.now() + PENDING_SECONDS * 1000),
          });
          const cookie = ctx.context.createAuthCookie(STATE_COOKIE, { maxAge: PENDING_SECONDS });
          await ctx.setSignedCookie(cookie.name, started.state, ctx.context.secret, cookie.attributes);
          return ctx.json({ url: started.url });
        },
      ),
      fivefoldSsoCallback: createAuthEndpoint(
        "/sso/callback",
        { method: "GET", query: z.object({ state: z.string().max(200).optional() }).passthrough() },
        async (ctx) => {
          const cookie = ctx.context.createAuthCookie(STATE_COOKIE);
          const bound = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
          ctx.setCookie(cookie.name, "", { ...cookie.attributes, maxAge: 0 });
          const state = ctx.query.state;
          // Login CSRF: a callback this browser did not start (another's code pasted in) is refused.
          if (!state || !bound || bound !== state) throw ctx.redirect(signInPage("failed"));
          const row = await ctx.context.internalAdapter.consumeVerificationValue(`fivefold-sso:${state}`);
          if (!row) throw ctx.redirect(signInPage("failed"));
          const pending = JSON.parse(row.value) as PendingSso;
          const callbackUrl = new URL(env.redirectUri);
          callbackUrl.search = new URL(ctx.request?.url ?? env.redirectUri).search;
          const outcome = await finishSso(env, { callbackUrl, state, pending });
          if (!outcome.ok) throw ctx.redirect(signInPage(outcome.reason));
          const user = await ctx.context.internalAdapter.findUserById(outcome.userId);
          if (!user) throw ctx.redirect(signInPage("failed"));
          const session = await ctx.context.internalAdapter.createSession(user.id);
          await bindSsoSession(env, session.id, outcome.orgId);
          await setSessionCookie(ctx, { session, user });
          throw ctx.redirect(`${base}/`);
        },
      ),
    },
  } satisfies BetterAuthPlugin;
}
