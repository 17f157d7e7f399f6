// tRPC's answers as Fastify sends them, and HTTP revalidation of frozen reports.
//
// The tRPC adapter hands Fastify a fetch `Response`, which Fastify streams out chunk by chunk; a
// JSON answer (the only kind this API gives: no streaming link) is read into one string here
// instead, and sent in one write with its length.
//
// A GET whose every call is a frozen read (`CACHEABLE`: a released report never changes) and that
// succeeded gets a strong ETag over the exact bytes of the answer, with `Cache-Control: private,
// no-cache`: the browser may keep it, but asks every time (`If-None-Match`). The procedure runs
// on every request all the same (session, membership, the access policy): only once it has
// answered 200 with the very same bytes is that answer replaced by a 304. A reader who lost access
// gets their error whatever they send; a reader who is shown other figures gets other bytes, so
// another tag; the tag is a digest of what this reader was just sent, so it tells them nothing new.
// One unbatched report read that answered 200 is also kept as a known answer, given again in front
// of tRPC while what it was decided from is unchanged (known-answers.ts).
import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isKnowableUrl, registerKnownAnswers, rememberAnswer, servedKnownAnswer } from "./known-answers";

/** Procedures whose answer, for a given reader, changes only when what they may see changes. */
export const CACHEABLE: ReadonlySet<string> = new Set(["reports.get"]);

const isResponse = (payload: unknown): payload is Response =>
  typeof payload === "object" &&
  payload !== null &&
  Object.prototype.toString.call(payload) === "[object Response]";

/** The procedure paths of a tRPC URL (several, comma-separated, in a batch). */
export function procedurePaths(url: string): string[] {
  const path = url.split("?")[0] ?? "";
  return decodeURIComponent(path.replace(/^\/trpc\/?/, "")).split(",");
}

export function strongEtag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** RFC 9110 §13.1.2: If-None-Match compares weakly; `*` matches any current representation. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === etag;
  });
}

/** The tag and the cache headers of a frozen read, and a 304 instead of the body when it matches. */
function revalidated<B>(req: FastifyRequest, reply: FastifyReply, body: B, etag: string): B | null {
  reply.header("etag", etag);
  reply.header("cache-control", "private, no-cache");
  reply.header("vary", "Cookie");
  if (!matchesIfNoneMatch(req.headers["if-none-match"], etag)) return body;
  reply.code(304);
  reply.removeHeader("content-type");
  return null; // no body, and no length (RFC 9110 §15.4.5)
}

async function answered(req: FastifyRequest, reply: FastifyReply, payload: Response): Promise<string | null> {
  reply.code(payload.status);
  const headers: Array<[string, string]> = [];
  for (const [name, value] of payload.headers) {
    reply.header(name, value);
    headers.push([name, value]);
  }
  const body = await payload.text();
  if (req.method !== "GET" || reply.statusCode !== 200) return body;
  if (!procedurePaths(req.url).every((path) => CACHEABLE.has(path))) return body;
  const etag = strongEtag(body);
  if (isKnowableUrl(req.url)) await rememberAnswer(req, { body: Buffer.from(body), etag, headers });
  return revalidated(req, reply, body, etag);
}

export function registerTrpcResponses(app: FastifyInstance): void {
  app.addHook("onSend", async (req, reply, payload) => {
    // Answered in front of tRPC (known-answers.ts): the same tag, headers and 304 as below.
    const known = servedKnownAnswer(req);
    if (known) return revalidated(req, reply, known.body, known.etag);
    if (!req.url.startsWith("/trpc") || !isResponse(payload)) return payload;
    const type = payload.headers.get("content-type") ?? "";
    if (!type.startsWith("application/json")) return payload;
    return answered(req, reply, payload);
  });
  // After every other onRequest hook (security headers, origin check, the start-up hold).
  registerKnownAnswers(app);
}
