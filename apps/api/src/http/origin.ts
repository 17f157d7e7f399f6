// Cross-site writes (docs/security.md, "Cross-site requests"): a tRPC call that changes something
// and carries the session cookie must come from a page of ours, which a browser tells by `Origin`
// (sent on every POST) or `Sec-Fetch-Site`. A call without the cookie (a script with its own
// credentials) cannot ride on someone's session and is not asked. A body that is not JSON is
// refused from anyone: only JSON reaches tRPC, so no HTML form or `text/plain` fetch can make a
// call that a page on another site could send without a preflight.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { sendTrpcError } from "./trpc-errors";

export interface OriginCheckOptions {
  /** PUBLIC_URL: the one origin served; unset, the request's own scheme and host. */
  publicUrl: string | undefined;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether the request carries a Better Auth session cookie (any of its names and prefixes). */
export function carriesSessionCookie(req: FastifyRequest): boolean {
  const header = req.headers.cookie;
  if (!header) return false;
  return header.split(";").some((pair) => {
    const name = pair.split("=")[0]?.trim() ?? "";
    return name.endsWith(".session_token") || name.endsWith("-session_token");
  });
}

export function servedOrigin(req: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ? new URL(publicUrl).origin : `${req.protocol}://${req.host}`;
}

function isJson(req: FastifyRequest): boolean {
  const type = req.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json";
}

export function registerOriginCheck(app: FastifyInstance, options: OriginCheckOptions): void {
  app.addHook("onRequest", async (req, reply) => {
    if (SAFE_METHODS.has(req.method) || !req.url.startsWith("/trpc")) return;
    if (!isJson(req)) {
      return sendTrpcError(req, reply, {
        status: 403,
        code: "FORBIDDEN",
        message: "A call that changes something must send JSON (Content-Type: application/json).",
      });
    }
    if (!carriesSessionCookie(req)) return;
    const origin = req.headers.origin;
    const sameOrigin = req.headers["sec-fetch-site"] === "same-origin";
    if (sameOrigin || (origin !== undefined && origin === servedOrigin(req, options.publicUrl))) return;
    return sendTrpcError(req, reply, {
      status: 403,
      code: "FORBIDDEN",
      message:
        origin === undefined
          ? "This call changes something with your session, so it must come from Fivefold's own pages (no Origin header was sent)."
          : `This call changes something with your session, so it must come from Fivefold's own pages, not from ${origin}.`,
    });
  });
}
