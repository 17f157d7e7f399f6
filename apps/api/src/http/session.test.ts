// The session cookie cache over real HTTP: a signed copy of the session lets calls skip the database
// for up to a minute; sign-out ends it in that browser at once; a session revoked elsewhere lives on
// only until that copy expires; the person's membership (active, roles) is at most a minute old
// (services/recent.ts), and any change this process makes or sees applies at once.
import { type DatabaseHandle, schema } from "@fivefold/db";
import { createTestDatabase, testDriver } from "@fivefold/db/testing";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_CACHE_SECONDS } from "../auth";
import { seedOrganisation } from "../seed/organisation";
import { forgetRecent, RECENT_SECONDS } from "../services/recent";
import { smallOrg } from "../testing/harness";
import { serveOnLoopback } from "../testing/serve";
import { sessionCopyExpiry } from "./session";

let database: DatabaseHandle;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedOrganisation(database.db, { ...smallOrg("Org S", "s.test"), password: "right-password" });
  ({ app, base } = await serveOnLoopback(database));
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** A browser's cookie jar, as far as these tests need one. */
class Jar {
  cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const [name = "", value = ""] = pair.split("=");
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }
  header(only?: string[]) {
    return [...this.cookies]
      .filter(([name]) => !only || only.includes(name))
      .map(([name, value]) => `${name}=${value}`)
      .join("; ");
  }
}

async function signIn(email: string): Promise<{ jar: Jar; lines: string[] }> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password: "right-password" }),
  });
  expect(response.status).toBe(200);
  const jar = new Jar();
  jar.take(response);
  return { jar, lines: response.headers.getSetCookie() };
}

async function me(cookie: string): Promise<{ status: number; setCookies: string[]; roles?: string[] }> {
  const response = await fetch(`${base}/trpc/me.get`, { headers: { cookie } });
  const body = (await response.json()) as { result?: { data: { roles: string[] } } };
  return {
    status: response.status,
    setCookies: response.headers.getSetCookie(),
    roles: body.result?.data.roles,
  };
}

const TOKEN = "better-auth.session_token";
const DATA = "better-auth.session_data";

async function userIdOf(email: string): Promise<string> {
  const [user] = await database.db.select().from(schema.user).where(eq(schema.user.email, email));
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

describe(`the session cookie cache on ${testDriver()}`, () => {
  it("gives a signed copy of the session that lives at most a minute", async () => {
    const { jar, lines } = await signIn("admin@s.test");
    expect(SESSION_CACHE_SECONDS).toBeLessThanOrEqual(60);
    const data = lines.find((l) => l.startsWith(`${DATA}=`));
    expect(data).toBeDefined();
    const maxAge = Number(/max-age=(\d+)/i.exec(data ?? "")?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(60);
    expect(data).toMatch(/httponly/i);
    expect((await me(jar.header())).status).toBe(200);
  });

  it("sends a fresh copy back when it had to ask the database", async () => {
    const { jar } = await signIn("admin@s.test");
    const answer = await me(jar.header([TOKEN]));
    expect(answer.status).toBe(200);
    expect(answer.setCookies.some((l) => l.startsWith(`${DATA}=`))).toBe(true);
  });

  it("ends the session in the browser that signs out, at once", async () => {
    const { jar } = await signIn("admin@s.test");
    const out = await fetch(`${base}/api/auth/sign-out`, {
      method: "POST",
      headers: { cookie: jar.header(), origin: base, "content-type": "application/json" },
      body: "{}",
    });
    expect(out.status).toBe(200);
    jar.take(out);
    expect(jar.cookies.has(TOKEN)).toBe(false);
    expect(jar.cookies.has(DATA)).toBe(false);
    expect((await me(jar.header())).status).toBe(401);
  });

  it("lets a session revoked elsewhere live on only in a copy made before, never without one", async () => {
    const { jar } = await signIn("admin@s.test");
    // Revoked on another device (a password reset, "sign out everywhere"): the rows go.
    await database.db.delete(schema.session).where(eq(schema.session.userId, await userIdOf("admin@s.test")));
    // The copy this browser holds is still trusted until it expires (at most a minute)…
    expect((await me(jar.header())).status).toBe(200);
    // …but without it the database is asked, and says no.
    expect((await me(jar.header([TOKEN]))).status).toBe(401);
  });

  it("remembers a verified copy for those very cookies only until the copy expires: a revoked session does not live longer", async () => {
    const { jar } = await signIn("admin@s.test");
    const header = jar.header();
    const expiry = sessionCopyExpiry(header);
    expect(expiry).toBeGreaterThan(Date.now());
    expect((await me(header)).status).toBe(200);
    expect((await me(header)).status).toBe(200); // remembered: no second HMAC
    await database.db.delete(schema.session).where(eq(schema.session.userId, await userIdOf("admin@s.test")));
    expect((await me(header)).status).toBe(200); // as Better Auth's own copy would answer
    // Once the copy has expired, neither Better Auth nor the remembered answer trusts it.
    vi.useFakeTimers({ toFake: ["Date"], now: (expiry ?? 0) + 1_000 });
    try {
      expect((await me(header)).status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a deactivation written by another process applies here once the recent cache's minute is over, one through this process at once", async () => {
    const { jar } = await signIn("admin@s.test");
    expect((await me(jar.header())).roles).toEqual(["admin", "member"]);
    const [person] = await database.db
      .select()
      .from(schema.people)
      .where(eq(schema.people.email, "admin@s.test"));
    if (!person) throw new Error("no admin");
    const setActive = (active: boolean) =>
      database.db.update(schema.people).set({ active }).where(eq(schema.people.id, person.id));
    // Another worker (or the CLI) deactivates: this process has not seen it, and answers from its
    // recent cache for at most RECENT_SECONDS (docs/security.md, "Recent caches").
    await setActive(false);
    expect(RECENT_SECONDS).toBeLessThanOrEqual(60);
    expect((await me(jar.header())).status).toBe(200);
    forgetRecent(); // what the minute passing does
    expect((await me(jar.header())).status).not.toBe(200);
    await setActive(true);
    forgetRecent();
    expect((await me(jar.header())).status).toBe(200);
    // Any request of this process that is not a read forgets at once: here a failed sign-in.
    await setActive(false);
    await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email: "admin@s.test", password: "wrong-password" }),
    });
    expect((await me(jar.header())).status).not.toBe(200);
    await setActive(true);
    forgetRecent();
  });
});
