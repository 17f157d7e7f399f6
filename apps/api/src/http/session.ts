// Who is signed in, for a tRPC call: Better Auth reads its signed session cookie (a database lookup
// only once that copy is older than its short life), and when it writes a fresh copy, the cookie goes
// back with this very response, so the browser's next calls skip the lookup again.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Auth } from "../auth";
import { requestHeaders } from "./auth-routes";

export async function signedInSession(
  auth: Auth,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<{ userId: string; sessionId: string } | null> {
  const { headers, response } = await auth.api.getSession({
    headers: requestHeaders(req),
    returnHeaders: true,
  });
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) reply.header("set-cookie", cookies);
  return response ? { userId: response.user.id, sessionId: response.session.id } : null;
}
