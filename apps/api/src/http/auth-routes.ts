// Mounts the Better Auth routes Fivefold uses at /api/auth/… on fastify, bridging to its Fetch
// handler. Only these: the rest of Better Auth's API (renaming the sign-in, listing sessions
// with their tokens, …) answers 404, whatever a later version of it adds. Each route counts into
// its rate limits first (http/rate-limits.ts).
import { fromNodeHeaders } from "better-auth/node";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Auth } from "../auth";
import { AUTH_BODY_LIMIT } from "./body-limits";
import { type Bucket, type LimitName, normaliseEmail, type RateLimiter, refusal } from "./rate-limits";

export function requestHeaders(req: FastifyRequest): Headers {
  const headers = fromNodeHeaders(req.headers);
  // Better Auth records the client address with a session from x-forwarded-for: set it from the
  // socket (or the proxy chain TRUST_PROXY trusts), so a client cannot write its own.
  headers.set("x-forwarded-for", req.ip);
  return headers;
}

interface AuthRoute {
  /** Better Auth's path below /api/auth. */
  path: string;
  /** POST (JSON) unless said; the SSO callback is the provider's redirect, a GET. */
  method?: "GET";
  buckets(address: string, email: string | null): Bucket[];
  /** Limits whose hit is taken back when Better Auth answers 2xx. */
  refundOnSuccess?: LimitName[];
}

/** What the web app calls (apps/web: SignInPage, PasswordPages, Shell) and nothing else. */
export const AUTH_ROUTES: readonly AuthRoute[] = [
  {
    path: "/sign-in/email",
    buckets: (address, email) => [
      { limit: "signInPerAddress", subject: address },
      ...(email === null ? [] : [{ limit: "signInFailuresPerAccount" as const, subject: email }]),
    ],
    // Only wrong passwords count against an account; a right one gives its hit back.
    refundOnSuccess: ["signInFailuresPerAccount"],
  },
  {
    path: "/request-password-reset",
    buckets: (address, email) => [
      { limit: "passwordMailPerAddress", subject: address },
      ...(email === null ? [] : [{ limit: "passwordMailPerAccount" as const, subject: email }]),
    ],
  },
  { path: "/reset-password", buckets: (address) => [{ limit: "authPerAddress", subject: address }] },
  { path: "/sign-out", buckets: (address) => [{ limit: "authPerAddress", subject: address }] },
  // Single sign-on (sso-plugin.ts): the start answers the provider's URL; the provider redirects
  // the browser back to the callback.
  { path: "/sso/start", buckets: (address) => [{ limit: "authPerAddress", subject: address }] },
  {
    path: "/sso/callback",
    method: "GET",
    buckets: (address) => [{ limit: "authPerAddress", subject: address }],
  },
];

async function forward(auth: Auth, req: FastifyRequest, reply: FastifyReply): Promise<number> {
  const url = new URL(req.url, `${req.protocol}://${req.host}`);
  const body = req.method === "GET" || req.body === undefined ? undefined : JSON.stringify(req.body);
  const response = await auth.handler(
    new Request(url, { method: req.method === "GET" ? "GET" : "POST", headers: requestHeaders(req), body }),
  );
  reply.status(response.status);
  for (const [name, value] of response.headers) {
    if (name.toLowerCase() !== "set-cookie") reply.header(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header("set-cookie", cookies);
  await reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
  return response.status;
}

export function registerAuthRoutes(app: FastifyInstance, auth: Auth, limiter?: RateLimiter): void {
  for (const route of AUTH_ROUTES) {
    const method = route.method === "GET" ? "GET" : "POST";
    app.route({
      method,
      url: `/api/auth${route.path}`,
      bodyLimit: AUTH_BODY_LIMIT,
      handler: async (req, reply) => {
        // A form or a text/plain fetch from another site could post here without a preflight.
        const type = req.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
        if (type !== undefined && type !== "application/json") {
          return reply
            .status(415)
            .send({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Send JSON (Content-Type: application/json)." });
        }
        const email = (req.body as { email?: unknown } | undefined)?.email;
        const verdict = limiter
          ? await limiter.hit(route.buckets(req.ip, typeof email === "string" ? normaliseEmail(email) : null))
          : null;
        if (verdict && !verdict.allowed && verdict.refusedBy) {
          return reply
            .status(429)
            .header("retry-after", String(verdict.retryAfterSeconds))
            .send({
              code: "TOO_MANY_REQUESTS",
              message: refusal(verdict.refusedBy, verdict.retryAfterSeconds),
            });
        }
        const status = await forward(auth, req, reply);
        if (verdict && route.refundOnSuccess && status >= 200 && status < 300) {
          await verdict.refund(route.refundOnSuccess);
        }
        return reply;
      },
    });
  }
  // Everything else of Better Auth stays unmounted.
  app.all("/api/auth/*", async (_req, reply) =>
    reply.status(404).send({ code: "NOT_FOUND", message: "There is no such sign-in route." }),
  );
}
