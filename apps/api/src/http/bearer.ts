// API-token authentication at the edge (docs/security.md, "API tokens"): `Authorization: Bearer
// fvf_…`, looked up by its SHA-256, refused when unknown, revoked or without the needed scope, and
// rate limited per token. Cookies are never read here, so a token call cannot ride on a browser
// session and is not a cross-site-request risk (no page can set this header without CORS, which
// Fivefold does not allow).
import { type ApiTokenScope, tokenAllows } from "@fivefold/domain";
import type { FastifyReply, FastifyRequest } from "fastify";
import { authenticateToken, type TokenPrincipal } from "../services/api-tokens/authenticate";
import type { ServiceContext } from "../services/context";
import { type RateLimiter, refusal } from "./rate-limits";

export type Refusal = { status: 401 | 403 | 429; detail: string; retryAfterSeconds?: number };

const BEARER = /^Bearer[ ]+([!-~]{1,500})$/i;

/**
 * The token behind the request, with the scope asked for, counted into its rate limit; or why not.
 * Unknown tokens are counted per client address, so trying tokens is slowed down too.
 */
export async function bearerPrincipal(
  req: FastifyRequest,
  base: Pick<ServiceContext, "db">,
  scope: ApiTokenScope,
  limiter: RateLimiter | undefined,
): Promise<TokenPrincipal | Refusal> {
  const presented = BEARER.exec(req.headers.authorization ?? "")?.[1];
  if (!presented) return { status: 401, detail: "Send an API token: Authorization: Bearer fvf_…" };
  const misses = [{ limit: "apiTokenMissesPerAddress" as const, subject: req.ip }];
  if (limiter) {
    const verdict = await limiter.check(misses);
    if (!verdict.allowed && verdict.refusedBy) return tooMany(verdict.refusedBy, verdict.retryAfterSeconds);
  }
  const principal = await authenticateToken(base.db, presented);
  if (!principal) {
    await limiter?.hit(misses);
    return { status: 401, detail: "This API token is unknown, expired or was revoked." };
  }
  if (!tokenAllows(principal.scopes, scope)) {
    return {
      status: 403,
      detail: `This API token lacks the ${scope} scope: an admin can create one that has it`,
    };
  }
  if (limiter) {
    const verdict = await limiter.hit([{ limit: "apiPerToken", subject: principal.tokenId }]);
    if (!verdict.allowed && verdict.refusedBy) return tooMany(verdict.refusedBy, verdict.retryAfterSeconds);
  }
  return principal;
}

function tooMany(limit: Parameters<typeof refusal>[0], retryAfterSeconds: number): Refusal {
  return { status: 429, detail: refusal(limit, retryAfterSeconds), retryAfterSeconds };
}

export function isRefusal(value: TokenPrincipal | Refusal): value is Refusal {
  return "status" in value;
}

/** Headers a refusal carries: how to authenticate (401) and when to come back (429). */
export function refusalHeaders(reply: FastifyReply, refusal: Refusal, realm: string): void {
  if (refusal.status === 401) reply.header("www-authenticate", `Bearer realm="${realm}"`);
  if (refusal.retryAfterSeconds !== undefined) reply.header("retry-after", String(refusal.retryAfterSeconds));
}
