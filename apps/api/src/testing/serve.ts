// The real server on a free loopback port over a test database, as `pnpm start` builds it (Better
// Auth, tRPC, the HTTP edges), for tests that go over HTTP. Options override the defaults.
import type { DatabaseHandle } from "@fivefold/db";
import type { FastifyInstance } from "fastify";
import { createAuth, servedOrigins } from "../auth";
import { buildServer, type ServerOptions } from "../server";
import { freePort } from "./free-port";
import { TEST_SEALING_SECRET } from "./harness";

export interface ServedApp {
  app: FastifyInstance;
  /** http://127.0.0.1:<port> */
  base: string;
  port: number;
}

export async function serveOnLoopback(
  database: DatabaseHandle,
  options: Partial<Omit<ServerOptions, "database" | "auth">> = {},
): Promise<ServedApp> {
  const port = await freePort();
  const origin = options.publicUrl ?? `http://localhost:${port}`;
  const auth = createAuth({
    db: database.db,
    secret: "test-secret-test-secret-test-secret",
    baseURL: origin,
    trustedOrigins: servedOrigins(port, options.publicUrl),
    production: false,
  });
  const app = await buildServer({
    database,
    auth,
    appUrl: origin,
    mailboxEnabled: true,
    sealingSecret: TEST_SEALING_SECRET,
    ...options,
  });
  await app.listen({ port, host: "127.0.0.1" });
  return { app, base: `http://127.0.0.1:${port}`, port };
}

/**
 * Signs `email` in over HTTP as a browser does, and returns every cookie the sign-in set (the
 * session and its signed copy) as a browser sends them back.
 */
export async function signInOverHttp(
  base: string,
  email: string,
  password = "test-password",
): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email}: HTTP ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
