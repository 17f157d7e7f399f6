// Rate limits of the one-time-link procedures (docs/security.md, "Throttling"): calls per link,
// whoever makes them, and calls with links that do not exist per client address. Applied here, on
// every call of a batch, by procedure name, so the routers stay as they are.
import { TRPCError } from "@trpc/server";
import { type RateLimiter, refusal } from "../http/rate-limits";

/** The procedures that take a one-time link's token instead of a session. */
export const LINK_PROCEDURES: ReadonlySet<string> = new Set([
  "responses.getByToken",
  "responses.submitByToken",
  "responses.declineByToken",
]);

/** What the HTTP edge knows about a request; absent for calls made in-process (tests, jobs). */
export interface EdgeContext {
  clientAddress: string;
  limiter: RateLimiter;
}

type Result = { ok: true } | { ok: false; error: TRPCError };

/**
 * Counts a link call before it runs; the miss it counts for its address is taken back unless the
 * link turned out not to exist. Counting first (and giving back) keeps calls sent at once from
 * all passing a check made before any of them failed.
 */
export async function limitLinkCall<R extends Result>(
  edge: EdgeContext | undefined,
  path: string,
  rawInput: () => Promise<unknown>,
  next: () => Promise<R>,
): Promise<R> {
  if (!edge || !LINK_PROCEDURES.has(path)) return next();
  const input = await rawInput();
  const token = (input as { token?: unknown } | null | undefined)?.token;
  const verdict = await edge.limiter.hit([
    { limit: "linkMissesPerAddress", subject: edge.clientAddress },
    ...(typeof token === "string" ? [{ limit: "linkPerToken" as const, subject: token }] : []),
  ]);
  if (!verdict.allowed && verdict.refusedBy) {
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: refusal(verdict.refusedBy, verdict.retryAfterSeconds),
    });
  }
  const result = await next();
  if (result.ok || result.error.code !== "NOT_FOUND") await verdict.refund(["linkMissesPerAddress"]);
  return result;
}
