// Known answers (known-answers.ts) over real HTTP: a frozen report given again in front of tRPC must
// be the very answer tRPC would give, to the very reader it would give it to, and nothing the
// procedure would refuse. Each test is named after what it stops.
import { schema } from "@fivefold/db";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Readiness } from "../readiness";
import type { SeededOrganisation } from "../seed/organisation";
import { forgetRecent, RECENT_SECONDS, RecentCache } from "../services/recent";
import { collectOrg, createHarness, type Harness, idOf } from "../testing/harness";
import { releasedRequest } from "../testing/released-request";
import { serveOnLoopback, signInOverHttp } from "../testing/serve";
import { knownAnswersGiven } from "./known-answers";
import { sessionCopyExpiry } from "./session";

let h: Harness;
let org: SeededOrganisation;
let app: FastifyInstance;
let base: string;
let requestId: string;

beforeAll(async () => {
  h = await createHarness();
  org = await h.seed(collectOrg("Known", "known.test"));
  requestId = await releasedRequest(h, org, {
    manager: "manager",
    subject: "subject",
    peers: ["p1", "p2", "p3"],
  });
  ({ app, base } = await serveOnLoopback(h.database));
}, 120_000);
afterAll(async () => {
  await app?.close();
  await h?.close();
});

/** A fresh sign-in (its own session): every cookie it sets, as a browser sends them. */
const signIn = (key: string): Promise<string> => signInOverHttp(base, `${key}@known.test`);

const pathOf = (input: unknown = { requestId }) =>
  `/trpc/reports.get?input=${encodeURIComponent(JSON.stringify(input))}`;

interface Answer {
  status: number;
  headers: Array<[string, string]>;
  body: string;
  /** Whether it was answered in front of tRPC. */
  known: boolean;
}

async function read(cookie: string | undefined, path = pathOf(), ifNoneMatch?: string): Promise<Answer> {
  const before = knownAnswersGiven();
  const response = await fetch(`${base}${path}`, {
    headers: { ...(cookie ? { cookie } : {}), ...(ifNoneMatch ? { "if-none-match": ifNoneMatch } : {}) },
  });
  const body = await response.text();
  const headers = [...response.headers].filter(([name]) => name !== "date" && name !== "keep-alive");
  return { status: response.status, headers, body, known: knownAnswersGiven() > before };
}

const header = (answer: Answer, name: string) => answer.headers.find(([n]) => n === name)?.[1];
const codeOf = (answer: Answer) =>
  (JSON.parse(answer.body) as { error?: { data?: { code?: string } } }).error?.data?.code;

/** Read until the known answer is given (the first read records it), and return it. */
async function known(cookie: string, path = pathOf()): Promise<Answer> {
  await read(cookie, path);
  const answer = await read(cookie, path);
  expect(answer.known, "answered in front of tRPC").toBe(true);
  return answer;
}

const admin = () => h.as(org, "admin");

describe("known answers: the same answer as tRPC's", () => {
  it("a different answer in front of tRPC: the same status, headers and bytes as the slow path, and the same 304", async () => {
    const cookie = await signIn("subject");
    forgetRecent();
    const slow = await read(cookie);
    expect(slow.known).toBe(false);
    expect(slow.status).toBe(200);
    const fast = await read(cookie);
    expect(fast.known).toBe(true);
    expect(fast).toEqual({ ...slow, known: true });
    expect(header(fast, "cache-control")).toBe("private, no-cache");
    expect(header(fast, "content-security-policy")).toContain("frame-ancestors 'none'");
    const etag = header(fast, "etag") ?? "";
    const fast304 = await read(cookie, pathOf(), etag);
    expect(fast304.known).toBe(true);
    forgetRecent();
    const slow304 = await read(cookie, pathOf(), etag);
    expect(slow304.known).toBe(false);
    expect(fast304).toEqual({ ...slow304, known: true });
    expect(fast304.status).toBe(304);
    expect(fast304.body).toBe("");
  });
});

describe("known answers: who gets them", () => {
  it("cached answer replay with another session: another reader's cookies on the same URL get that reader's own answer (or refusal), never the first reader's bytes", async () => {
    // Everyone signs in first: a sign-in is a request that is not a read, and forgets known answers.
    const keys = ["subject", "manager", "p1", "stranger", "d2"];
    const cookies = new Map<string, string>();
    for (const key of keys) cookies.set(key, await signIn(key));
    const mine = await known(cookies.get("subject") ?? "");
    // Each reader twice: the second time their own session is remembered, as the first reader's is.
    const twice = async (key: string) => {
      const answers = [await read(cookies.get(key)), await read(cookies.get(key))];
      for (const answer of answers) expect(answer.body, key).not.toBe(mine.body);
      return answers[1] as Answer;
    };
    const manager = await twice("manager");
    expect(manager.status).toBe(200);
    expect(JSON.parse(manager.body).result.data.relation).toBe("requester");
    for (const key of ["p1", "stranger", "d2"]) expect((await twice(key)).status, key).toBe(403);
    // The first reader still gets their own.
    expect((await read(cookies.get("subject"))).body).toBe(mine.body);
  });

  it("cached answer replay without the session: no cookie, or the reader's cookies with the signed copy altered, get no known answer", async () => {
    const cookie = await signIn("subject");
    await known(cookie);
    const none = await read(undefined);
    expect(none.known).toBe(false);
    expect(none.status).toBe(401);
    const altered = cookie.replace(
      /(session_data=)([^;])/,
      (_m, name: string, c: string) => `${name}${c === "e" ? "f" : "e"}`,
    );
    expect(altered).not.toBe(cookie);
    const forged = await read(altered);
    expect(forged.known).toBe(false);
  });

  it("cached answer replay within one person's sessions: a second sign-in of the same person is its own entry, decided by tRPC first", async () => {
    await known(await signIn("subject"));
    const second = await read(await signIn("subject"));
    expect(second.known).toBe(false);
    expect(second.status).toBe(200);
  });

  it("a known answer skipping the start-up hold: a process still starting answers 503 to the very request it knows", async () => {
    const cookie = await signIn("subject");
    await known(cookie);
    const starting = await serveOnLoopback(h.database, {
      readiness: new Readiness("starting"),
      holdWhileStartingMs: 20,
    });
    try {
      const before = knownAnswersGiven();
      const response = await fetch(`${starting.base}${pathOf()}`, { headers: { cookie } });
      expect(response.status).toBe(503);
      expect(knownAnswersGiven()).toBe(before);
    } finally {
      await starting.app.close();
    }
  });
});

describe("known answers: refused as tRPC refuses", () => {
  it("a known answer outliving a lost role: a coach whose role is taken away gets FORBIDDEN at the next read", async () => {
    const cookie = await signIn("coach");
    expect(JSON.parse((await known(cookie)).body).result.data.relation).toBe("coach");
    await admin().people.setRoles({ personId: idOf(org, "coach"), roles: [] });
    const refused = await read(cookie);
    expect(refused.known).toBe(false);
    expect(refused.status).toBe(403);
    expect(codeOf(refused)).toBe("FORBIDDEN");
    await admin().people.setRoles({ personId: idOf(org, "coach"), roles: ["coach"] });
  });

  it("a known answer outliving a membership: a deactivated requester gets FORBIDDEN at the next read", async () => {
    const cookie = await signIn("manager");
    await known(cookie);
    await admin().people.update({ personId: idOf(org, "manager"), active: false });
    const refused = await read(cookie);
    expect(refused.known).toBe(false);
    expect(refused.status).toBe(403);
    await admin().people.update({ personId: idOf(org, "manager"), active: true });
  });

  it("a known answer outliving the organisation's setting: an admin gets FORBIDDEN once admins may no longer read reports", async () => {
    await admin().settings.update({ adminsReadReports: true });
    const cookie = await signIn("admin");
    await known(cookie);
    await admin().settings.update({ adminsReadReports: false });
    const refused = await read(cookie);
    expect(refused.known).toBe(false);
    expect(refused.status).toBe(403);
  });

  it("a known answer outliving a change made elsewhere: another process's deactivation applies once the recent caches' minute is over, as for tRPC", async () => {
    const cookie = await signIn("manager");
    await known(cookie);
    const setActive = (active: boolean) =>
      h.database.db
        .update(schema.people)
        .set({ active })
        .where(eq(schema.people.id, idOf(org, "manager")));
    await setActive(false); // not through this process: nothing is forgotten
    // Within the minute, exactly what tRPC would answer from the recent caches (docs/security.md).
    const within = await read(cookie);
    expect(within.status).toBe(200);
    expect(within.known).toBe(true);
    expect(RECENT_SECONDS).toBeLessThanOrEqual(60);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + RECENT_SECONDS * 1000 + 1_000 });
    try {
      const refused = await read(cookie);
      expect(refused.known).toBe(false);
      expect(refused.status).toBe(403);
    } finally {
      vi.useRealTimers();
      await setActive(true);
      forgetRecent();
    }
  });

  it("a known answer outliving the member it was decided from: an answer kept after the member was loaded dies with that member's minute, not its own", async () => {
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const setActive = (active: boolean) =>
      h.database.db
        .update(schema.people)
        .set({ active })
        .where(eq(schema.people.id, idOf(org, "manager")));
    try {
      const first = await signIn("manager");
      vi.setSystemTime(start + 5_000);
      forgetRecent();
      expect((await fetch(`${base}/trpc/me.get`, { headers: { cookie: first } })).status).toBe(200); // the member, kept at 5 s
      // The signed copy has expired: Better Auth asks the database and sends a fresh one.
      vi.setSystemTime(start + 61_000);
      const refreshed = await fetch(`${base}${pathOf()}`, { headers: { cookie: first } });
      expect(refreshed.status).toBe(200);
      const fresh = new Map(first.split("; ").map((pair) => [pair.split("=")[0], pair]));
      for (const line of refreshed.headers.getSetCookie()) {
        const pair = line.split(";")[0] ?? "";
        fresh.set(pair.split("=")[0], pair);
      }
      const cookie = [...fresh.values()].join("; ");
      expect(cookie).not.toBe(first);
      await known(cookie); // kept at 61 s, from the member kept at 5 s
      await setActive(false); // elsewhere: this process is not told
      vi.setSystemTime(start + 67_000); // the member's minute is over, the answer's own is not
      const refused = await read(cookie);
      expect(refused.known).toBe(false);
      expect(refused.status).toBe(403);
    } finally {
      vi.useRealTimers();
      await setActive(true);
      forgetRecent();
    }
  });

  it("a known answer outliving its session: signed out, the browser's cookies are gone at once; a copy of the old cookies gets none once the signed copy expires", async () => {
    const cookie = await signIn("subject");
    await known(cookie);
    const out = await fetch(`${base}/api/auth/sign-out`, {
      method: "POST",
      headers: { cookie, origin: base, "content-type": "application/json" },
      body: "{}",
    });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().some((c) => /session_token=;/.test(c))).toBe(true);
    // Sign-out is a request that is not a read: this process forgot every known answer.
    expect((await read(cookie)).known).toBe(false);
    vi.useFakeTimers({ toFake: ["Date"], now: (sessionCopyExpiry(cookie) ?? 0) + 1_000 });
    try {
      const replayed = await read(cookie);
      expect(replayed.known).toBe(false);
      expect(replayed.status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a known answer outliving an erasure: once the subject is erased their reader gets NOT_FOUND", async () => {
    const other = await releasedRequest(h, org, {
      manager: "subject",
      subject: "d1",
      peers: ["d2", "d3", "p4"],
    });
    const cookie = await signIn("subject");
    await known(cookie, pathOf({ requestId: other }));
    await admin().people.erase({ personId: idOf(org, "d1") });
    const gone = await read(cookie, pathOf({ requestId: other }));
    expect(gone.known).toBe(false);
    expect(gone.status).toBe(404);
  });
});

describe("known answers: what goes the slow way", () => {
  it("batches, other spellings and unknown inputs are never answered in front of tRPC", async () => {
    const cookie = await signIn("subject");
    await known(cookie);
    const batch = `/trpc/reports.get?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { requestId } }))}`;
    const extra = `${pathOf()}&batch=1`;
    const spaced = `/trpc/reports.get?input=${encodeURIComponent(`{ "requestId": "${requestId}" }`)}`;
    const missing = pathOf({ requestId: "00000000-0000-4000-8000-000000000000" });
    for (const path of [batch, batch, extra, extra, missing, missing]) {
      expect((await read(cookie, path)).known, path).toBe(false);
    }
    expect((await read(cookie, missing)).status).toBe(404);
    // Another spelling of the same input is its own entry, answered by tRPC first.
    expect((await read(cookie, spaced)).known).toBe(false);
  });

  it("a known answer after a change in this process: any mutation forgets them, and the next read is tRPC's", async () => {
    const cookie = await signIn("subject");
    await known(cookie);
    await admin().settings.update({ adminsReadReports: false });
    expect((await read(cookie)).known).toBe(false);
    expect((await read(cookie)).known).toBe(true);
  });
});

describe("RecentCache.peek and put", () => {
  it("memory exhaustion and staleness: put keeps at most the bound, and peek gives nothing older than the life or after forgetRecent", () => {
    let now = 0;
    const cache = new RecentCache<number>(2, 1_000, () => now);
    cache.put("a", 1);
    cache.put("b", 2);
    cache.put("c", 3);
    expect(cache.size).toBe(2);
    expect(cache.peek("a")).toBeUndefined();
    expect(cache.peek("c")).toBe(3);
    now = 1_000;
    expect(cache.peek("c")).toBeUndefined();
    cache.put("d", 4);
    forgetRecent();
    expect(cache.peek("d")).toBeUndefined();
  });
});
