// Known answers: a frozen report given again without running tRPC (docs/performance.md, "A frozen
// report in front of tRPC"; docs/security.md, "Recent caches").
//
// A `GET /trpc/reports.get?input=…` that answered 200 leaves its bytes, its ETag and its headers
// here, keyed by the verified session (user and session: the session picks the organisation) and
// the exact URL, together with the very objects it was decided from: the member the recent cache
// held for that session and the report's access facts it held for that member. The same URL with
// cookies whose verification this process remembers for that same session is answered with those
// bytes only while the recent caches still hold those very objects (identity, not equality). Then
// tRPC would find the same session, the same member and the same facts, the access policy would
// decide the same, and the frozen report would serialise to the same bytes: nothing is decided here
// that the procedure would decide otherwise. Anything else (other cookies, a session whose check is
// not remembered, a member or facts reloaded, forgotten by a change or older than their minute, a
// batch, another spelling of the input, an error) goes the way it always went.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { RecentCache } from "../services/recent";
import { judgesTheSame, type ReportReadBasis, reportReadBasis } from "../services/reports/get";
import type { Context } from "../trpc/context";
import { membershipOf, recentMembership } from "../trpc/init";
import { rememberedSession } from "./session";

/** The only URLs answered here: one unbatched `reports.get` (a batch has `batch=1&input=`). */
const PREFIX = "/trpc/reports.get?input=";
const MAX_KNOWN = 1_000;

export interface KnownAnswer {
  /** The bytes as the slow path writes them (UTF-8), kept encoded: no copy per answer. */
  readonly body: Buffer;
  readonly etag: string;
  /** The headers tRPC's answer carried (its content type), as the slow path copies them. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly member: object;
  readonly basis: ReportReadBasis;
}

/** Forgotten with the recent caches (forgetRecent), none kept longer than they are. */
const known = new RecentCache<KnownAnswer>(MAX_KNOWN);
/** The tRPC context each request was given (server.ts), to learn what its answer was decided from. */
const contexts = new WeakMap<FastifyRequest, Context>();
/** Requests answered here, for the onSend hook of trpc-responses.ts. */
const servedHere = new WeakMap<FastifyRequest, KnownAnswer>();
let given = 0;

export function isKnowableUrl(url: string): boolean {
  return url.startsWith(PREFIX) && !url.includes("&", PREFIX.length);
}

const keyOf = (userId: string, sessionId: string | null, url: string) => `${userId}\n${sessionId}\n${url}`;

export function rememberContext(req: FastifyRequest, context: Context): void {
  if (req.method === "GET" && isKnowableUrl(req.url)) contexts.set(req, context);
}

/** The answer this request may be given here, or undefined (then tRPC answers it). */
export function knownAnswerFor(req: FastifyRequest): KnownAnswer | undefined {
  const cookie = req.headers.cookie;
  if (req.method !== "GET" || !cookie || !isKnowableUrl(req.url)) return undefined;
  const session = rememberedSession(cookie);
  if (!session) return undefined;
  const answer = known.peek(keyOf(session.userId, session.sessionId, req.url));
  if (!answer) return undefined;
  if (recentMembership(session.userId, session.sessionId) !== answer.member) return undefined;
  if (!judgesTheSame(answer.basis)) return undefined;
  return answer;
}

/**
 * After tRPC answered 200 to a knowable URL: keep the answer if what it was decided from is what
 * the recent caches hold now (a member or facts loaded but not kept, or forgotten since, are not).
 */
export async function rememberAnswer(
  req: FastifyRequest,
  answer: Pick<KnownAnswer, "body" | "etag" | "headers">,
): Promise<void> {
  const context = contexts.get(req);
  if (!context?.userId || !context.recent) return;
  const basis = reportReadBasis(context.memo);
  if (!basis) return;
  // Memoised for this request: the very promise the procedure awaited, already settled.
  const member = await membershipOf({ ...context, userId: context.userId });
  if (!member || recentMembership(context.userId, context.sessionId) !== member) return;
  if (!judgesTheSame(basis)) return;
  known.put(keyOf(context.userId, context.sessionId, req.url), { ...answer, member, basis });
}

/** The answer given here, once Fastify's onSend hooks run (trpc-responses.ts sets its ETag). */
export function servedKnownAnswer(req: FastifyRequest): KnownAnswer | undefined {
  return servedHere.get(req);
}

/**
 * Registered after every other onRequest hook (security headers, origin check, start-up hold), so
 * a known answer passes all of them as tRPC's would.
 */
export function registerKnownAnswers(app: FastifyInstance): void {
  app.addHook("onRequest", (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const answer = knownAnswerFor(req);
    if (!answer) return done();
    servedHere.set(req, answer);
    given++;
    reply.code(200);
    for (const [name, value] of answer.headers) reply.header(name, value);
    reply.send(answer.body);
  });
}

/** How many requests were answered here since the process started (tests). */
export function knownAnswersGiven(): number {
  return given;
}
