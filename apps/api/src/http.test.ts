// Over real HTTP: sign in with Better Auth, then call tRPC with the session cookie.
import type { DatabaseHandle } from "@fivefold/db";
import { createTestDatabase, testDriver } from "@fivefold/db/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth, servedOrigins } from "./auth";
import { seedOrganisation } from "./seed/organisation";
import { buildServer } from "./server";
import { freePort } from "./testing/free-port";
import { smallOrg } from "./testing/harness";

let database: DatabaseHandle;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedOrganisation(database.db, { ...smallOrg("Org H", "h.test"), password: "right-password" });
  const port = await freePort();
  const auth = createAuth({
    db: database.db,
    secret: "test-secret-test-secret-test-secret",
    baseURL: `http://localhost:${port}`,
    trustedOrigins: servedOrigins(port, undefined),
    production: false,
  });
  app = await buildServer({ database, auth, appUrl: `http://localhost:${port}`, mailboxEnabled: true });
  await app.listen({ port, host: "127.0.0.1" });
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function signIn(email: string, password: string, origin = base) {
  return fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password }),
  });
}

describe(`HTTP with a Better Auth session on ${testDriver()}`, () => {
  it("signs in and calls me.get with the session cookie", async () => {
    const response = await signIn("admin@h.test", "right-password");
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="));
    expect(cookie).toBeDefined();
    const me = await fetch(`${base}/trpc/me.get`, {
      headers: { cookie: (cookie ?? "").split(";")[0] ?? "" },
    });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { result: { data: { org: { name: string }; roles: string[] } } };
    expect(body.result.data.org.name).toBe("Org H");
    expect(body.result.data.roles).toEqual(["admin", "member"]);
  });

  it("refuses a wrong password and an untrusted origin", async () => {
    expect((await signIn("admin@h.test", "wrong-password")).status).toBe(401);
    expect((await signIn("admin@h.test", "right-password", "http://evil.test")).status).toBe(403);
  });

  it("answers 401 over HTTP without a session, and serves health publicly", async () => {
    expect((await fetch(`${base}/trpc/me.get`)).status).toBe(401);
    const health = await fetch(`${base}/trpc/health`);
    expect(await health.json()).toEqual({ result: { data: { ok: true, db: testDriver() } } });
  });
});
