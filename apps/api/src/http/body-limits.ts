// Limits on what a request body may be, checked before anything parses it further: JSON nested
// deeper than any input of ours is refused with a sentence (a 100,000-deep array would otherwise
// overflow the stack of whatever walks it next), and bodies have a size bound per route.
import type { FastifyInstance } from "fastify";
import { sendTrpcError } from "./trpc-errors";

/** Deeper than any input of ours (a batch of calls adds one level). */
export const MAX_JSON_DEPTH = 32;
/** Any API body: the largest input is a CSV import of a few thousand people. */
export const API_BODY_LIMIT = 5 * 1024 * 1024;
/**
 * Auth bodies carry an e-mail, a password or a token: a few hundred bytes. The bound is loose
 * enough that JSON nested absurdly deep (100,000 levels is 200 kB) is told so, with the depth
 * sentence, rather than only that it is large.
 */
export const AUTH_BODY_LIMIT = 256 * 1024;

/** Whether JSON text nests objects and arrays deeper than `max` (strings are skipped, escapes too). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return false;
}

const TOO_DEEP = `The request nests deeper than ${MAX_JSON_DEPTH} levels: no Fivefold input does, so it was not read.`;

class TooDeepError extends Error {
  statusCode = 400;
  code = "FST_ERR_JSON_TOO_DEEP";
  constructor() {
    super(TOO_DEEP);
  }
}

export function registerBodyLimits(app: FastifyInstance): void {
  // JSON outside tRPC (Better Auth, SCIM): fastify's own parser (which refuses __proto__ keys), after
  // the depth check. tRPC's plugin takes bodies as text and parses them itself: see below.
  const parse = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  // SCIM clients send application/scim+json: the same JSON, read the same way.
  app.addContentTypeParser(
    ["application/json", "application/scim+json"],
    { parseAs: "string" },
    (req, body, done) => {
      const text = typeof body === "string" ? body : body.toString("utf8");
      if (nestsDeeperThan(text, MAX_JSON_DEPTH)) return done(new TooDeepError(), undefined);
      if (text.trim() === "") return done(null, undefined);
      parse(req, text, done);
    },
  );

  // tRPC reads its input from the body (a mutation) or the `input` query parameter (a query).
  app.addHook("preHandler", async (req, reply) => {
    if (!req.url.startsWith("/trpc")) return;
    const input = (req.query as { input?: unknown } | undefined)?.input;
    const texts = [typeof req.body === "string" ? req.body : "", typeof input === "string" ? input : ""];
    if (texts.some((text) => nestsDeeperThan(text, MAX_JSON_DEPTH))) {
      return sendTrpcError(req, reply, { status: 400, code: "BAD_REQUEST", message: TOO_DEEP });
    }
  });
}
