// Who is signed in, for a tRPC call: Better Auth reads its signed session cookie (a database lookup
// only once that copy is older than its short life), and when it writes a fresh copy, the cookie goes
// back with this very response, so the browser's next calls skip the lookup again.
//
// Verifying that copy costs an HMAC through WebCrypto (a key import and a job on the thread pool) on
// every call: a tenth of the process's time on a hot read path. The same cookies verified before
// give the same answer until the copy expires, so the answer is remembered for exactly those cookie
// bytes and never past the copy's own expiry (Better Auth would then ask the database): a session
// ended elsewhere lives no longer than docs/security.md, "Session cache", says.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Auth } from "../auth";
import { requestHeaders } from "./auth-routes";

type Signed = { userId: string; sessionId: string };

const MAX_REMEMBERED = 10_000;
const remembered = new Map<string, { signed: Signed; until: number }>();

/** When the signed copy of the session in these cookies expires (ms), or null without one. */
export function sessionCopyExpiry(cookieHeader: string): number | null {
  const match = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_data=([^;]+)/.exec(cookieHeader);
  if (!match?.[1]) return null;
  try {
    const payload = JSON.parse(Buffer.from(decodeURIComponent(match[1]), "base64url").toString("utf8"));
    return typeof payload?.expiresAt === "number" ? payload.expiresAt : null;
  } catch {
    return null;
  }
}

/**
 * The session these very cookie bytes were verified for, while that answer is remembered (the
 * signed copy has not expired); null otherwise, and then only `signedInSession` may say.
 */
export function rememberedSession(cookieHeader: string, now: number = Date.now()): Signed | null {
  const hit = remembered.get(cookieHeader);
  return hit && hit.until > now ? hit.signed : null;
}

export async function signedInSession(
  auth: Auth,
  req: FastifyRequest,
  reply: FastifyReply,
  now: () => number = Date.now,
): Promise<Signed | null> {
  const cookieHeader = req.headers.cookie;
  if (cookieHeader) {
    const hit = remembered.get(cookieHeader);
    if (hit && hit.until > now()) return hit.signed;
    if (hit) remembered.delete(cookieHeader);
  }
  const { headers, response } = await auth.api.getSession({
    headers: requestHeaders(req),
    returnHeaders: true,
  });
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) reply.header("set-cookie", cookies);
  if (!response) return null;
  const signed = { userId: response.user.id, sessionId: response.session.id };
  // Only an answer read from the signed copy, unchanged: a fresh copy (cookies set) is new bytes.
  const until = cookieHeader && cookies.length === 0 ? sessionCopyExpiry(cookieHeader) : null;
  if (cookieHeader && until !== null && until > now()) {
    if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string);
    remembered.set(cookieHeader, { signed, until });
  }
  return signed;
}
