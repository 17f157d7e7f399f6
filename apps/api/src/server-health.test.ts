// /healthz and /readyz for load balancers: alive always; ready only once migrated, while not
// draining and while the database answers. Until ready, API calls get a 503 "try again".
import { createTestDatabase, testDriver } from "@fivefold/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "./auth";
import { Readiness } from "./readiness";
import { buildServer } from "./server";
import { TEST_APP_URL, TEST_SEALING_SECRET } from "./testing/harness";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function server(readiness: Readiness, holdWhileStartingMs = 0) {
  const auth = createAuth({
    db: database.db,
    secret: TEST_SEALING_SECRET,
    baseURL: TEST_APP_URL,
    trustedOrigins: [TEST_APP_URL],
    production: false,
  });
  return buildServer({
    database,
    auth,
    appUrl: TEST_APP_URL,
    mailboxEnabled: false,
    sealingSecret: TEST_SEALING_SECRET,
    readiness,
    holdWhileStartingMs,
  });
}

describe(`health and readiness on ${testDriver()}`, () => {
  it("is alive while starting, not ready, and asks API callers to come back", async () => {
    const readiness = new Readiness("starting", "applying migrations");
    const app = await server(readiness);
    expect((await app.inject("/healthz")).json()).toEqual({ ok: true });
    const notYet = await app.inject("/readyz");
    expect(notYet.statusCode).toBe(503);
    expect(notYet.json()).toEqual({ ready: false, reason: "applying migrations" });
    const api = await app.inject("/trpc/health");
    expect(api.statusCode).toBe(503);
    expect(api.headers["retry-after"]).toBe("1");
    expect((await app.inject({ method: "POST", url: "/api/auth/sign-in/email" })).statusCode).toBe(503);

    readiness.ready();
    const ready = await app.inject("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ ready: true, db: testDriver() });
    expect((await app.inject("/trpc/health")).statusCode).toBe(200);

    // From SIGTERM on, load balancers are told to stop sending; what arrives is still served.
    readiness.drain();
    expect((await app.inject("/readyz")).json()).toEqual({ ready: false, reason: "shutting down" });
    expect((await app.inject("/healthz")).statusCode).toBe(200);
    expect((await app.inject("/trpc/health")).statusCode).toBe(200);
    await app.close();
  });

  it("holds API calls that arrive while it starts, and serves them once ready", async () => {
    const readiness = new Readiness("starting", "applying migrations");
    const app = await server(readiness, 10_000);
    const held = app.inject("/trpc/health");
    let answered = false;
    void held.then(() => {
      answered = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answered).toBe(false);
    readiness.ready();
    const response = await held;
    expect(response.statusCode).toBe(200);
    await app.close();
  });

  it("is not ready when the database does not answer, and alive all the same", async () => {
    const broken = { ...database, db: { execute: () => Promise.reject(new Error("connection refused")) } };
    const auth = createAuth({
      db: database.db,
      secret: TEST_SEALING_SECRET,
      baseURL: TEST_APP_URL,
      trustedOrigins: [TEST_APP_URL],
      production: false,
    });
    const app = await buildServer({
      database: broken as unknown as typeof database,
      auth,
      appUrl: TEST_APP_URL,
      mailboxEnabled: false,
      sealingSecret: TEST_SEALING_SECRET,
    });
    const response = await app.inject("/readyz");
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ ready: false, reason: "the database does not answer" });
    expect((await app.inject("/healthz")).statusCode).toBe(200);
    await app.close();
  });
});
