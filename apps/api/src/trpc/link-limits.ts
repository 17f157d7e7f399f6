// Rate limits of the one-time-link procedures (docs/security.md, "Throttling"): calls per link,
// whoever makes them, and calls with links that do not exist per client address. Applied here, on
// every call of a batch, by procedure name, so the routers stay as they are.
import { TRPCError } from "@trpc/server";
import { type LimitName, type RateLimiter, refusal } from "../http/rate-limits";
import type { LinkLimit } from "../services/collect/responses";

/** The procedures that take a one-time link's token instead of a session. */
export const LINK_PROCEDURES: ReadonlySet<string> = new Set([
  "responses.getByToken",
  "responses.submitByToken",
  "responses.declineByToken",
  "pulses.formByToken",
  "pulses.answerByToken",
]);

/**
 * Link procedures that count the link themselves: a submit counts it in its own write, so it
 * waits for one commit instead of two (`linkLimitFor`). The edge still checks the misses first.
 */
const COUNTED_BY_THE_CALL: ReadonlySet<string> = new Set(["responses.submitByToken"]);

/** What the HTTP edge knows about a request; absent for calls made in-process (tests, jobs). */
export interface EdgeContext {
  clientAddress: string;
  limiter: RateLimiter;
}

type Result = { ok: true } | { ok: false; error: TRPCError };

/** The link calls of one HTTP request (a batch), chained: each waits for the one before. */
const batches = new WeakMap<EdgeContext, Promise<unknown>>();

/**
 * Counts a link call against its link before it runs. A call with a link that does not exist
 * counts against the client's address once it has turned out so (a check first, the count after):
 * nothing that did not happen is ever counted, so a crash or a database hiccup mid-call cannot lock
 * an office's raters out of their links. The link calls of one batch run one after another, so
 * each sees the misses before it; separate requests sent at once may pass the check together (at
 * most as many as are in flight), and tokens have 128 random bits, so that buys a guesser nothing.
 */
export function limitLinkCall<R extends Result>(
  edge: EdgeContext | undefined,
  path: string,
  rawInput: () => Promise<unknown>,
  next: () => Promise<R>,
): Promise<R> {
  if (!edge || !LINK_PROCEDURES.has(path)) return next();
  const run = () => limited(edge, path, rawInput, next);
  const mine = (batches.get(edge) ?? Promise.resolve()).then(run, run);
  batches.set(
    edge,
    mine.catch(() => {}),
  );
  return mine;
}

async function limited<R extends Result>(
  edge: EdgeContext,
  path: string,
  rawInput: () => Promise<unknown>,
  next: () => Promise<R>,
): Promise<R> {
  const input = await rawInput();
  const countsItself = COUNTED_BY_THE_CALL.has(path);
  const token = (input as { token?: unknown } | null | undefined)?.token;
  const misses = { limit: "linkMissesPerAddress" as const, subject: edge.clientAddress };
  const checked = await edge.limiter.check([misses]);
  const verdict =
    checked.allowed && typeof token === "string" && !countsItself
      ? await edge.limiter.hit([{ limit: "linkPerToken", subject: token }])
      : checked;
  if (!verdict.allowed && verdict.refusedBy) {
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: refusal(verdict.refusedBy, verdict.retryAfterSeconds),
    });
  }
  const result = await next();
  if (!result.ok && result.error.code === "NOT_FOUND") await edge.limiter.hit([misses]);
  return result;
}

const tooMany = (limit: LimitName, retryAfterSeconds: number) =>
  new TRPCError({ code: "TOO_MANY_REQUESTS", message: refusal(limit, retryAfterSeconds) });

/**
 * The link's `linkPerToken` limit for a submit that counts it itself (in-process calls have no
 * edge and no limit): the same bucket the edge counts every other call with the link into, so the
 * limit holds across calls and processes as before, and it refuses before anything is stored.
 */
export function linkLimitFor(edge: EdgeContext | undefined, token: string): LinkLimit | undefined {
  if (!edge) return undefined;
  const subject = { limit: "linkPerToken" as const, subject: token };
  return {
    bucket: edge.limiter.bucket(subject),
    async countApart() {
      const verdict = await edge.limiter.hit([subject]);
      if (!verdict.allowed) throw tooMany("linkPerToken", verdict.retryAfterSeconds);
    },
    refuse(resetsAt) {
      throw tooMany("linkPerToken", edge.limiter.retryAfterSeconds(resetsAt));
    },
  };
}
