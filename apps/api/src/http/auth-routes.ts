// Mounts Better Auth at /api/auth/* on fastify by bridging to its Fetch handler.

import { fromNodeHeaders } from "better-auth/node";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Auth } from "../auth";

export function requestHeaders(req: FastifyRequest): Headers {
  const headers = fromNodeHeaders(req.headers);
  // Better Auth's rate limiter keys on x-forwarded-for: set it from the socket (or the proxy chain
  // fastify trusts), so a client cannot pick its own bucket.
  headers.set("x-forwarded-for", req.ip);
  return headers;
}

export function registerAuthRoutes(app: FastifyInstance, auth: Auth): void {
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    async handler(req, reply) {
      const url = new URL(req.url, `${req.protocol}://${req.host}`);
      const body = req.body === undefined || req.method === "GET" ? undefined : JSON.stringify(req.body);
      const response = await auth.handler(
        new Request(url, { method: req.method, headers: requestHeaders(req), body }),
      );
      reply.status(response.status);
      for (const [name, value] of response.headers) {
        if (name.toLowerCase() !== "set-cookie") reply.header(name, value);
      }
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) reply.header("set-cookie", cookies);
      return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
    },
  });
}
