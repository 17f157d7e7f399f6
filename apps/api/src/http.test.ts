// Over real HTTP: sign in with Better Auth, then call tRPC with the session cookie.
import { type DatabaseHandle, schema } from "@fivefold/db";
import { createTestDatabase, testDriver } from "@fivefold/db/testing";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrganisation } from "./seed/organisation";
import { smallOrg } from "./testing/harness";
import { serveOnLoopback } from "./testing/serve";

let database: DatabaseHandle;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedOrganisation(database.db, { ...smallOrg("Org H", "h.test"), password: "right-password" });
  ({ app, base } = await serveOnLoopback(database));
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

  it("answers input that fails a schema with a sentence and field messages", async () => {
    const response = await signIn("admin@h.test", "right-password");
    const cookie = (response.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const bad = await fetch(`${base}/trpc/settings.update`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: base },
      body: JSON.stringify({ anonymityThreshold: 2, reminderDays: "soon" }),
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as {
      error: { message: string; data: { code: string; fields: Record<string, string> | null } };
    };
    expect(body.error.data.code).toBe("BAD_REQUEST");
    expect(body.error.message).not.toMatch(/^\s*[[{]/);
    expect(body.error.message).toMatch(/\(and 1 more problem\)$/);
    expect(Object.keys(body.error.data.fields ?? {}).sort()).toEqual(["anonymityThreshold", "reminderDays"]);
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

  it("lets a person added without a sign-in set a password through the e-mailed link", async () => {
    const [org] = await database.db.select().from(schema.organisations);
    await database.db
      .insert(schema.people)
      .values({ orgId: org?.id ?? "", name: "Nia Newcomer", email: "nia@h.test" });
    const post = (path: string, body: unknown) =>
      fetch(`${base}/api/auth/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base },
        body: JSON.stringify(body),
      });
    expect((await signIn("nia@h.test", "a-new-password")).status).toBe(401);
    expect((await post("request-password-reset", { email: "nia@h.test" })).status).toBe(200);
    // An unknown address gets the same answer and no mail.
    expect((await post("request-password-reset", { email: "nobody@h.test" })).status).toBe(200);
    const mails = await database.db
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.template, "password"));
    expect(mails.map((m) => m.toEmail)).toEqual(["nia@h.test"]);
    expect(mails[0]?.subject).toBe("Set your Fivefold password");
    const link = (mails[0]?.meta as { link?: string } | undefined)?.link ?? "";
    const token = new URL(link, base).searchParams.get("token") ?? "";
    expect(mails[0]?.text).toContain(`/reset-password?token=${token}`);

    expect((await post("reset-password", { token, newPassword: "short" })).status).toBe(400);
    expect((await post("reset-password", { token, newPassword: "a-new-password" })).status).toBe(200);
    expect((await post("reset-password", { token, newPassword: "another-password" })).status).toBe(400);
    const response = await signIn("nia@h.test", "a-new-password");
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie()[0]?.split(";")[0] ?? "";
    const me = (await (await fetch(`${base}/trpc/me.get`, { headers: { cookie } })).json()) as {
      result: { data: { person: { name: string } } };
    };
    expect(me.result.data.person.name).toBe("Nia Newcomer");

    // A reset for someone who has a password says so, and ends their sessions.
    expect((await post("request-password-reset", { email: "nia@h.test" })).status).toBe(200);
    const again = await database.db
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.template, "password"));
    expect(again.map((m) => m.subject)).toContain("Reset your Fivefold password");
  });
});
