// The web edge of issue 14 over real HTTP, against servers started in-process on free ports:
// security headers, session cookie flags, cross-site writes, the Better Auth routes left unmounted,
// rate limits (behind a simulated proxy too, and across two servers on one database), what a
// failing request logs, and bodies nested too deep. Each test is named after the attack it stops.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createDatabase, type DatabaseHandle, schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth, servedOrigins } from "../auth";
import type { SeededOrganisation } from "../seed/organisation";
import { buildServer } from "../server";
import { fullAnswers } from "../testing/answers";
import { freePort } from "../testing/free-port";
import { collectOrg, createHarness, type Harness } from "../testing/harness";
import { defaultRateLimits, type RateLimitSettings } from "./rate-limits";

const PASSWORD = "test-password";
let h: Harness;
let org: SeededOrganisation;
let webDist: string;

beforeAll(async () => {
  h = await createHarness();
  org = await h.seed(collectOrg("Edges", "edges.test"));
  webDist = mkdtempSync(join(tmpdir(), "fivefold-web-"));
  mkdirSync(join(webDist, "assets"));
  writeFileSync(
    join(webDist, "index.html"),
    '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(join(webDist, "assets", "app.js"), "console.log('fivefold');\n");
}, 120_000);
afterAll(async () => {
  await h?.close();
  if (webDist) rmSync(webDist, { recursive: true, force: true });
});

interface Served {
  app: FastifyInstance;
  base: string;
  lines: string[];
  close(): Promise<void>;
}

async function serve(
  options: {
    publicUrl?: string;
    trustProxy?: number | string[];
    rateLimits?: Partial<RateLimitSettings>;
    logger?: boolean;
    database?: DatabaseHandle;
  } = {},
): Promise<Served> {
  const database = options.database ?? h.database;
  // Buckets live in the database all these servers share: each test starts from none.
  await h.database.db.delete(schema.rateLimitBuckets);
  const port = await freePort();
  const auth = createAuth({
    db: database.db,
    secret: "test-secret-test-secret-test-secret",
    baseURL: options.publicUrl ?? `http://localhost:${port}`,
    trustedOrigins: servedOrigins(port, options.publicUrl),
    production: false,
  });
  const lines: string[] = [];
  const app = await buildServer({
    database,
    auth,
    appUrl: options.publicUrl ?? `http://localhost:${port}`,
    publicUrl: options.publicUrl,
    mailboxEnabled: true,
    sealingSecret: h.sealingSecret,
    webDist,
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    ...(options.rateLimits ? { rateLimits: { ...generous, ...options.rateLimits } } : {}),
    logger: options.logger ?? false,
    logStream: { write: (line) => lines.push(line) },
  });
  await app.listen({ port, host: "127.0.0.1" });
  return { app, base: `http://127.0.0.1:${port}`, lines, close: () => app.close() };
}

/** Limits a test is not about stay out of its way. */
const generous: RateLimitSettings = Object.fromEntries(
  Object.entries(defaultRateLimits()).map(([name, limit]) => [name, { ...limit, max: 10_000 }]),
) as unknown as RateLimitSettings;

/** Every test gets buckets of its own: the e-mails and addresses it counts are fresh. */
const fresh = () => randomBytes(4).toString("hex");
const email = (key: string) => `${key}@edges.test`;

async function signIn(base: string, address: string, password: string, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, ...headers },
    body: JSON.stringify({ email: address, password }),
  });
}

async function sessionCookie(base: string, key = "admin"): Promise<string> {
  const response = await signIn(base, email(key), PASSWORD);
  expect(response.status).toBe(200);
  return (response.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
}

function mutate(base: string, path: string, body: unknown, headers: Record<string, string>) {
  return fetch(`${base}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function trpcCode(response: Response): Promise<string | undefined> {
  const body = (await response.json()) as { error?: { data?: { code?: string } } };
  return body.error?.data?.code;
}

describe(`security headers on ${testDriver()}`, () => {
  it("clickjacking, MIME sniffing and referrer leaks of one-time links: the page, an asset and /trpc carry CSP, nosniff and no-referrer", async () => {
    const s = await serve();
    try {
      for (const path of [
        "/",
        "/r/some-one-time-token",
        "/assets/app.js",
        "/trpc/health",
        "/api/auth/nothing",
      ]) {
        const response = await fetch(`${s.base}${path}`);
        const csp = response.headers.get("content-security-policy") ?? "";
        const directives = new Map(
          csp.split(";").map((d) => {
            const [name = "", ...values] = d.trim().split(/\s+/);
            return [name, values] as const;
          }),
        );
        expect(directives.get("default-src"), path).toEqual(["'self'"]);
        expect(directives.get("script-src"), path).toEqual(["'self'"]);
        expect(directives.get("object-src"), path).toEqual(["'none'"]);
        expect(directives.get("base-uri"), path).toEqual(["'none'"]);
        expect(directives.get("frame-ancestors"), path).toEqual(["'none'"]);
        expect(csp, path).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
        expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
        expect(response.headers.get("referrer-policy"), path).toBe("no-referrer");
        expect(response.headers.get("x-frame-options"), path).toBe("DENY");
        expect(response.headers.get("x-powered-by"), path).toBeNull();
        expect(response.headers.get("access-control-allow-origin"), path).toBeNull();
        // Served over plain HTTP: no HSTS (it would pin a name that has no HTTPS).
        expect(response.headers.get("strict-transport-security"), path).toBeNull();
        if (path.startsWith("/trpc") || path.startsWith("/api/")) {
          expect(response.headers.get("cache-control"), path).toBe("no-store");
        }
      }
      expect((await fetch(`${s.base}/assets/app.js`)).headers.get("content-type")).toMatch(/javascript/);
    } finally {
      await s.close();
    }
  });

  it("SSL stripping: served over HTTPS (PUBLIC_URL https), every answer carries HSTS", async () => {
    const s = await serve({ publicUrl: "https://fivefold.example", trustProxy: 1 });
    try {
      for (const path of ["/", "/trpc/health"]) {
        const response = await fetch(`${s.base}${path}`, { headers: { "x-forwarded-proto": "https" } });
        expect(response.headers.get("strict-transport-security"), path).toBe(
          "max-age=31536000; includeSubDomains",
        );
        expect(response.headers.get("content-security-policy"), path).toContain("upgrade-insecure-requests");
      }
    } finally {
      await s.close();
    }
  });

  it("script injection through the page itself: the web app's index.html has no inline script or handler", () => {
    const web = resolve(import.meta.dirname, "../../../web");
    for (const file of ["index.html", "dist/index.html"]) {
      let html: string;
      try {
        html = readFileSync(join(web, file), "utf8");
      } catch {
        continue; // dist/ exists once the web app is built
      }
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length, file).toBeGreaterThan(0);
      for (const [, attributes = "", content = ""] of scripts) {
        expect(attributes, file).toMatch(/\bsrc=/);
        expect(content.trim(), file).toBe("");
      }
      expect(html, file).not.toMatch(/\son[a-z]+\s*=/i);
    }
  });
});

describe(`session cookies on ${testDriver()}`, () => {
  it("session theft by script or over plain HTTP: the cookie is HttpOnly and SameSite=Lax, and behind HTTPS Secure with the __Host- prefix", async () => {
    const plain = await serve();
    try {
      const cookie = (await signIn(plain.base, email("admin"), PASSWORD)).headers.getSetCookie()[0] ?? "";
      expect(cookie).toMatch(/^better-auth\.session_token=/);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax/i);
      expect(cookie).toMatch(/;\s*Path=\//i);
      expect(cookie).not.toMatch(/;\s*Domain=/i);
    } finally {
      await plain.close();
    }

    // The proxy terminates TLS and says so; the client reached https://fivefold.example.
    const https = await serve({ publicUrl: "https://fivefold.example", trustProxy: 1 });
    try {
      const proxied = { "x-forwarded-proto": "https", "x-forwarded-host": "fivefold.example" };
      const response = await signIn(https.base, email("admin"), PASSWORD, {
        ...proxied,
        origin: "https://fivefold.example",
      });
      expect(response.status).toBe(200);
      const cookies = response.headers.getSetCookie();
      expect(cookies.length).toBeGreaterThan(0);
      for (const cookie of cookies) {
        expect(cookie).toMatch(/^__Host-/);
        expect(cookie).toMatch(/;\s*Secure/i);
        expect(cookie).toMatch(/;\s*HttpOnly/i);
        expect(cookie).toMatch(/;\s*SameSite=Lax/i);
        expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
        expect(cookie).not.toMatch(/;\s*Domain=/i);
      }
      const session = (cookies[0] ?? "").split(";")[0] ?? "";
      const me = await fetch(`${https.base}/trpc/me.get`, { headers: { ...proxied, cookie: session } });
      expect(me.status).toBe(200);
    } finally {
      await https.close();
    }
  });
});

describe(`cross-site writes on ${testDriver()}`, () => {
  it("CSRF: a mutation with the session cookie from another origin, or with no origin, is FORBIDDEN", async () => {
    const s = await serve();
    try {
      const cookie = await sessionCookie(s.base);
      const before = (await h.as(org, "admin").settings.get()).reminderDays;
      const change = { reminderDays: before + 1 };

      const evil = await mutate(s.base, "settings.update", change, {
        cookie,
        origin: "https://evil.example",
      });
      expect(evil.status).toBe(403);
      expect(await trpcCode(evil)).toBe("FORBIDDEN");
      const none = await mutate(s.base, "settings.update", change, { cookie });
      expect(none.status).toBe(403);
      const cross = await mutate(s.base, "settings.update", change, {
        cookie,
        "sec-fetch-site": "cross-site",
      });
      expect(cross.status).toBe(403);
      const nullOrigin = await mutate(s.base, "settings.update", change, { cookie, origin: "null" });
      expect(nullOrigin.status).toBe(403);
      // A batch gets one tRPC error per call, as the web client expects.
      const batch = await fetch(`${s.base}/trpc/settings.update,me.get?batch=1`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, origin: "https://evil.example" },
        body: JSON.stringify({ 0: change }),
      });
      expect(batch.status).toBe(403);
      const errors = (await batch.json()) as Array<{ error: { data: { code: string; path: string } } }>;
      expect(errors.map((e) => [e.error.data.code, e.error.data.path])).toEqual([
        ["FORBIDDEN", "settings.update"],
        ["FORBIDDEN", "me.get"],
      ]);
      expect((await h.as(org, "admin").settings.get()).reminderDays).toBe(before);

      // The served origin, or a browser's Sec-Fetch-Site: same-origin, gets through.
      const ours = await mutate(s.base, "settings.update", change, { cookie, origin: s.base });
      expect(ours.status).toBe(200);
      const same = await mutate(
        s.base,
        "settings.update",
        { reminderDays: before },
        {
          cookie,
          "sec-fetch-site": "same-origin",
        },
      );
      expect(same.status).toBe(200);
      expect((await h.as(org, "admin").settings.get()).reminderDays).toBe(before);

      // Without the cookie there is no session to ride on: the origin is not asked.
      const anonymous = await mutate(s.base, "settings.update", change, { origin: "https://evil.example" });
      expect(anonymous.status).toBe(401);
      expect(await trpcCode(anonymous)).toBe("UNAUTHORIZED");
    } finally {
      await s.close();
    }
  });

  it("CSRF through a form or a text/plain fetch (no preflight): a mutation whose body is not JSON is FORBIDDEN", async () => {
    const s = await serve();
    try {
      const cookie = await sessionCookie(s.base);
      const before = (await h.as(org, "admin").settings.get()).reminderDays;
      const body = JSON.stringify({ reminderDays: before + 2 });
      for (const type of [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
      ]) {
        for (const origin of [s.base, "https://evil.example"]) {
          const response = await fetch(`${s.base}/trpc/settings.update`, {
            method: "POST",
            headers: { "content-type": type, cookie, origin },
            body,
          });
          expect(response.status, `${type} from ${origin}`).toBe(403);
          expect(await trpcCode(response)).toBe("FORBIDDEN");
        }
      }
      const untyped = await fetch(`${s.base}/trpc/settings.update`, {
        method: "POST",
        headers: { cookie, origin: s.base },
        body: new Blob([body]),
      });
      expect(untyped.status).toBe(403);
      expect((await h.as(org, "admin").settings.get()).reminderDays).toBe(before);
    } finally {
      await s.close();
    }
  });
});

describe(`Better Auth routes on ${testDriver()}`, () => {
  it("renaming the sign-in and reading session tokens: update-user, list-sessions and every other unused auth route answer 404", async () => {
    const s = await serve();
    try {
      const cookie = await sessionCookie(s.base, "p6");
      const post = (path: string, body: unknown) =>
        fetch(`${s.base}/api/auth/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie, origin: s.base },
          body: JSON.stringify(body),
        });
      expect((await post("update-user", { name: "Renamed By Script" })).status).toBe(404);
      expect((await post("change-email", { newEmail: "attacker@evil.example" })).status).toBe(404);
      expect(
        (await post("change-password", { currentPassword: PASSWORD, newPassword: "x".repeat(12) })).status,
      ).toBe(404);
      expect((await post("revoke-other-sessions", {})).status).toBe(404);
      expect(
        (await post("sign-up/email", { email: "new@edges.test", password: "x".repeat(12), name: "N" }))
          .status,
      ).toBe(404);
      for (const path of [
        "list-sessions",
        "get-session",
        "list-accounts",
        "reset-password/some-token",
        "ok",
      ]) {
        const response = await fetch(`${s.base}/api/auth/${path}`, { headers: { cookie } });
        expect(response.status, path).toBe(404);
        expect(await response.text(), path).not.toContain(cookie.split("=")[1]?.split(".")[0] ?? "-");
      }
      const [user] = await h.database.db
        .select()
        .from(schema.user)
        .where(eq(schema.user.email, email("p6")));
      expect(user?.name).not.toBe("Renamed By Script");

      // What the web app uses still works.
      expect((await post("request-password-reset", { email: email("p6") })).status).toBe(200);
      expect((await post("sign-out", {})).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

const window = (max: number, windowMs = 60_000) => ({ max, windowMs });

describe(`rate limits on ${testDriver()}`, () => {
  it("password guessing from one address: sign-in attempts per address hit the limit with a sentence, then reset", async () => {
    // A window long enough for three slow sign-ins on a busy machine (each hashes a password); the
    // reset is then awaited for as long as the refusal's Retry-After says.
    const s = await serve({ rateLimits: { signInPerAddress: window(3, 8_000) } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await signIn(s.base, `${fresh()}@edges.test`, "wrong")).status);
      expect(statuses).toEqual([401, 401, 401]);
      const refused = await signIn(s.base, email("admin"), PASSWORD);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      const body = (await refused.json()) as { code: string; message: string };
      expect(body).toMatchObject({ code: "TOO_MANY_REQUESTS" });
      expect(body.message).toMatch(
        /^Too many sign-in attempts from your network: try again in \d+ seconds?\.$/,
      );
      const wait = Number(refused.headers.get("retry-after")) * 1000 + 300;
      await new Promise((r) => setTimeout(r, wait));
      expect((await signIn(s.base, email("admin"), PASSWORD)).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it("X-Forwarded-For spoofing: a client the proxy setting does not trust cannot choose its bucket", async () => {
    // TRUST_PROXY names a proxy that is not the one connecting (127.0.0.1): its headers do not count.
    const direct = await serve({ trustProxy: ["10.9.9.9"], rateLimits: { signInPerAddress: window(3) } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await signIn(direct.base, email("admin"), "wrong", {
          "x-forwarded-for": `198.51.100.${i}`,
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await direct.close();
    }

    // Behind one trusted proxy (loopback here) the client is the address the proxy appended; what
    // the client wrote in front of it does not count.
    const proxied = await serve({ trustProxy: 1, rateLimits: { signInPerAddress: window(3) } });
    try {
      const client = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await signIn(proxied.base, email("admin"), "wrong", {
          "x-forwarded-for": `198.51.100.${i}, ${client}`,
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      // Another client behind the same proxy has a bucket of its own.
      expect(
        (await signIn(proxied.base, email("admin"), PASSWORD, { "x-forwarded-for": "192.0.2.77" })).status,
      ).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it("password spraying from many addresses: wrong passwords per account are limited from any address, a right one does not count", async () => {
    const s = await serve({ trustProxy: 1, rateLimits: { signInFailuresPerAccount: window(3) } });
    try {
      let n = 0;
      const from = () => ({ "x-forwarded-for": `198.18.${Math.floor(n / 250)}.${(n++ % 250) + 1}` });
      const attempt = (address: string, password: string) => signIn(s.base, address, password, from());
      expect((await attempt(email("p1"), "wrong-1")).status).toBe(401);
      expect((await attempt(email("p1"), PASSWORD)).status).toBe(200);
      // The e-mail as typed is normalised: its case makes no new account.
      expect((await attempt("P1@Edges.Test", "wrong-2")).status).toBe(401);
      expect((await attempt(email("p1").toUpperCase(), "wrong-3")).status).toBe(401);
      const refused = await attempt(email("p1"), PASSWORD);
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { message: string }).message).toMatch(
        /^Too many wrong passwords for this account: try again in \d+ (seconds|minutes?)\.$/,
      );
      // Another account is not affected, and an address nobody has is limited alike (no tell).
      expect((await attempt(email("p2"), PASSWORD)).status).toBe(200);
      const ghost = `ghost-${fresh()}@edges.test`;
      const ghostStatuses = [];
      for (let i = 0; i < 4; i++) ghostStatuses.push((await attempt(ghost, "wrong")).status);
      expect(ghostStatuses).toEqual([401, 401, 401, 429]);
    } finally {
      await s.close();
    }
  });

  it("spreading guesses over the servers of a deployment: the per-account limit holds across two servers on one database", async () => {
    let second: DatabaseHandle | undefined;
    if (testDriver() === "postgres") {
      // A handle of its own, as another machine would have.
      const url = new URL(process.env.TEST_DATABASE_URL ?? "");
      url.pathname = `/${h.database.location}`;
      second = await createDatabase(url.toString(), { maxConnections: 2 });
    }
    const limits = { signInFailuresPerAccount: window(4) };
    const one = await serve({ rateLimits: limits });
    const two = await serve({ rateLimits: limits, ...(second ? { database: second } : {}) });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const server = i % 2 === 0 ? one : two;
        statuses.push((await signIn(server.base, email("p3"), `wrong-${i}`)).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    } finally {
      await one.close();
      await two.close();
      await second?.close();
    }
  });

  it("mail bombing: password-reset mail is limited per account and per address", async () => {
    const s = await serve({
      trustProxy: 1,
      rateLimits: { passwordMailPerAccount: window(2), passwordMailPerAddress: window(3) },
    });
    try {
      const ask = (address: string, client: string) =>
        fetch(`${s.base}/api/auth/request-password-reset`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: s.base, "x-forwarded-for": client },
          body: JSON.stringify({ email: address }),
        });
      const mails = async () =>
        (
          await h.database.db
            .select()
            .from(schema.outbox)
            .where(eq(schema.outbox.toEmail, email("p4")))
        ).length;
      const before = await mails();
      expect((await ask(email("p4"), "192.0.2.1")).status).toBe(200);
      expect((await ask(email("p4"), "192.0.2.2")).status).toBe(200);
      const refused = await ask(email("P4"), "192.0.2.3");
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { message: string }).message).toMatch(/^Too many password e-mails/);
      expect(await mails()).toBe(before + 2);
      // One address asking for many accounts.
      const statuses: number[] = [];
      for (const key of ["p5", "d1", "d2", "d3"]) statuses.push((await ask(email(key), "192.0.2.9")).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await s.close();
    }
  });

  it("token guessing and link replay: unknown one-time links per address are limited, and calls per link", async () => {
    const s = await serve({
      trustProxy: 1,
      rateLimits: { linkMissesPerAddress: window(3), linkPerToken: window(4) },
    });
    try {
      const get = (token: string, client: string) =>
        fetch(`${s.base}/trpc/responses.getByToken?input=${encodeURIComponent(JSON.stringify({ token }))}`, {
          headers: { "x-forwarded-for": client },
        });
      const guesses: number[] = [];
      for (let i = 0; i < 4; i++) guesses.push((await get(fresh(), "192.0.2.20")).status);
      expect(guesses).toEqual([404, 404, 404, 429]);
      // A batch counts every call in it.
      const tokens = [fresh(), fresh(), fresh(), fresh()];
      const batch = await fetch(
        `${s.base}/trpc/${tokens.map(() => "responses.getByToken").join(",")}?batch=1&input=${encodeURIComponent(
          JSON.stringify(Object.fromEntries(tokens.map((token, i) => [i, { token }]))),
        )}`,
        { headers: { "x-forwarded-for": "192.0.2.21" } },
      );
      const codes = ((await batch.json()) as Array<{ error?: { data: { code: string } } }>).map(
        (r) => r.error?.data.code,
      );
      expect(codes.filter((c) => c === "NOT_FOUND")).toHaveLength(3);
      expect(codes.filter((c) => c === "TOO_MANY_REQUESTS")).toHaveLength(1);

      // A real link: its calls are counted whoever makes them; misses of others do not block it.
      const token = await openLinkFor("p5");
      const calls: number[] = [];
      for (let i = 0; i < 5; i++) calls.push((await get(token, `192.0.2.${30 + i}`)).status);
      expect(calls).toEqual([200, 200, 200, 200, 429]);
      // The submit counts the link in its own write, and refuses before storing anything.
      const envelopes = async () => (await h.database.db.select().from(schema.sealedEnvelopes)).length;
      const stored = await envelopes();
      const submit = await mutate(
        s.base,
        "responses.submitByToken",
        { token, answers: fullAnswers(4) },
        {
          "x-forwarded-for": "192.0.2.40",
        },
      );
      expect(submit.status).toBe(429);
      expect(((await submit.json()) as { error: { message: string } }).error.message).toMatch(
        /^Too many tries with this link: try again in \d+ (seconds|minutes?)\.$/,
      );
      expect(await envelopes()).toBe(stored);
    } finally {
      await s.close();
    }
  });
});

/** Opens a request with `rater` among its peers and returns the rater's one-time token. */
async function openLinkFor(rater: string): Promise<string> {
  await h.cancelActiveRequests();
  const personId = (key: string) => org.people[key]?.personId as string;
  const { id } = await h.as(org, "manager").requests.create({
    subjectId: personId("subject"),
    deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    raters: ["p1", "p2", "p3", rater].map((key) => ({ personId: personId(key), group: "peer" as const })),
  });
  const rows = await h.database.db
    .select()
    .from(schema.outbox)
    .where(eq(schema.outbox.toEmail, email(rater)));
  const mail = rows.find((r) => (r.meta as { requestId?: string }).requestId === id);
  const link = (mail?.meta as { link?: string } | undefined)?.link ?? "";
  return link.replace(/^.*\/r\//, "");
}

describe(`logs on ${testDriver()}`, () => {
  it("credentials and answers in logs: failing requests log no token, password, answer or comment", async () => {
    const s = await serve({ logger: true, rateLimits: { signInPerAddress: window(2) } });
    const PASSWORD_MARK = "PwMarker7Q9";
    const TOKEN_MARK = "TkMarker4Z2xxxxxxxxxxx";
    const COMMENT_MARK = "CmMarker3K8";
    try {
      const token = await openLinkFor("p6");
      for (let i = 0; i < 3; i++) await signIn(s.base, email("admin"), `${PASSWORD_MARK}${i}`);
      await fetch(
        `${s.base}/trpc/responses.getByToken?input=${encodeURIComponent(JSON.stringify({ token: TOKEN_MARK }))}`,
      );
      await fetch(
        `${s.base}/trpc/responses.getByToken?input=${encodeURIComponent(JSON.stringify({ token }))}`,
      );
      // Answers out of range with a comment: refused, and logged as a 400.
      await mutate(
        s.base,
        "responses.submitByToken",
        {
          token,
          answers: [{ itemId: "x", score: 99 }],
          comments: [{ dimension: "inspire", text: COMMENT_MARK }],
        },
        {},
      );
      await mutate(s.base, "responses.submitByToken", { token: TOKEN_MARK, answers: fullAnswers(3) }, {});
      await fetch(`${s.base}/api/auth/reset-password`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: s.base },
        body: JSON.stringify({ token: TOKEN_MARK, newPassword: `${PASSWORD_MARK}new` }),
      });
      const logged = s.lines.join("\n");
      // It did log these requests, and their outcomes.
      expect(logged).toContain("/trpc/responses.getByToken");
      expect(logged).toContain("/api/auth/sign-in/email");
      expect(logged).toMatch(/"statusCode":429/);
      for (const secret of [PASSWORD_MARK, TOKEN_MARK, token, COMMENT_MARK, encodeURIComponent(token)]) {
        expect(logged).not.toContain(secret);
      }
      expect(logged).not.toMatch(/better-auth\.session_token=/);
    } finally {
      await s.close();
    }
  });
});

describe(`bodies on ${testDriver()}`, () => {
  it("stack exhaustion: JSON nested 100,000 deep to /api/auth and /trpc is a 400 with a sentence, and the server goes on", async () => {
    const s = await serve();
    try {
      const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
      const deepObject = `{"email":${"[".repeat(100_000)}${"]".repeat(100_000)},"password":"x"}`;
      for (const body of [deep, deepObject]) {
        const auth = await fetch(`${s.base}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: s.base },
          body,
        });
        expect(auth.status).toBe(400);
        const message = ((await auth.json()) as { message: string }).message;
        expect(message).toMatch(/^The request nests deeper than \d+ levels/);
      }
      const cookie = await sessionCookie(s.base);
      for (const headers of [{}, { cookie, origin: s.base }] as Array<Record<string, string>>) {
        const trpc = await mutate(
          s.base,
          "requests.create",
          `{"subjectId":${deep.slice(0, 200_000)}}`,
          headers,
        );
        expect(trpc.status).toBe(400);
        const body = (await trpc.json()) as { error: { message: string; data: { code: string } } };
        expect(body.error.data.code).toBe("BAD_REQUEST");
        expect(body.error.message).toMatch(/^The request nests deeper than \d+ levels/);
      }
      // A query's input in the URL (as deep as a URL allows).
      const query = await fetch(
        `${s.base}/trpc/responses.getByToken?input=${encodeURIComponent(`${"[".repeat(1_500)}${"]".repeat(1_500)}`)}`,
      );
      expect(query.status).toBe(400);
      expect(await trpcCode(query)).toBe("BAD_REQUEST");
      // Strings that merely contain brackets are not nesting.
      // (Better Auth takes passwords up to 128 characters.)
      const brackets = await signIn(s.base, email("admin"), `${"[{".repeat(40)}\\"${"[".repeat(40)}`);
      expect(brackets.status).toBe(401);
      // Oversized sign-in bodies are refused before anything reads them.
      const huge = await signIn(s.base, `${"a".repeat(1_000_000)}@edges.test`, "x");
      expect(huge.status).toBe(413);
      expect(((await huge.json()) as { message: string }).message).toMatch(/too large/i);
      expect((await fetch(`${s.base}/healthz`)).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
