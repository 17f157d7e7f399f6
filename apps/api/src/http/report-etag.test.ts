// Revalidating a frozen report over real HTTP (ETag, If-None-Match, 304) and the process cache of
// derived reports behind it: the access policy still decides every request, whatever the client
// sends and whatever the process holds. Each test is named after what it stops.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { ReportCache, reportCache } from "../services/reports/cache";
import { collectOrg, createHarness, type Harness, idOf } from "../testing/harness";
import { releasedRequest } from "../testing/released-request";
import { serveOnLoopback, signInOverHttp } from "../testing/serve";
import { strongEtag } from "./trpc-responses";

let h: Harness;
let org: SeededOrganisation;
let app: FastifyInstance;
let base: string;
let requestId: string;
const cookies = new Map<string, string>();

beforeAll(async () => {
  h = await createHarness();
  org = await h.seed(collectOrg("Etags", "etags.test"));
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

/** Every cookie a sign-in sets (the session and its signed copy), as a browser would send them. */
async function cookieOf(key: string): Promise<string> {
  const known = cookies.get(key);
  if (known) return known;
  const cookie = await signInOverHttp(base, `${key}@etags.test`);
  cookies.set(key, cookie);
  return cookie;
}

const reportUrl = () => `${base}/trpc/reports.get?input=${encodeURIComponent(JSON.stringify({ requestId }))}`;

async function getReport(key: string, ifNoneMatch?: string, url = reportUrl()) {
  const response = await fetch(url, {
    headers: { cookie: await cookieOf(key), ...(ifNoneMatch ? { "if-none-match": ifNoneMatch } : {}) },
  });
  const body = await response.text();
  const parsed = body ? (JSON.parse(body) as { error?: { data?: { code?: string } } }) : undefined;
  return {
    status: response.status,
    etag: response.headers.get("etag"),
    cacheControl: response.headers.get("cache-control"),
    body,
    code: parsed?.error?.data?.code,
  };
}

const admin = () => h.as(org, "admin");

describe("reports.get over HTTP: ETag and 304", () => {
  it("answers a frozen report with a strong ETag of its bytes, private, no-cache; the same tag gets 304 and no body", async () => {
    const first = await getReport("subject");
    expect(first.status).toBe(200);
    expect(first.cacheControl).toBe("private, no-cache");
    expect(first.etag).toBe(strongEtag(first.body));
    expect(first.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    const again = await getReport("subject", first.etag ?? "");
    expect(again.status).toBe(304);
    expect(again.etag).toBe(first.etag);
    expect(again.body).toBe("");
    // A tag that is not the current one, or a weak form of it, as RFC 9110 compares them.
    expect((await getReport("subject", '"something-else"')).status).toBe(200);
    expect((await getReport("subject", `W/${first.etag}`)).status).toBe(304);
  });

  it("shape leak through the tag: subject, requester and coach get different tags, each a digest of only the bytes that reader was sent, and one reader's tag is no 304 for another", async () => {
    await admin().settings.update({ adminsReadReports: true });
    const seen = new Map<string, { etag: string | null; body: string }>();
    for (const key of ["subject", "manager", "coach", "admin"]) {
      const answer = await getReport(key);
      expect(answer.status, key).toBe(200);
      expect(answer.etag, key).toBe(strongEtag(answer.body));
      seen.set(key, answer);
    }
    const relations = [...seen.values()].map((a) => JSON.parse(a.body).result.data.relation);
    expect(relations).toEqual(["self", "requester", "coach", "admin"]);
    expect(new Set([...seen.values()].map((a) => a.etag)).size).toBe(4);
    // The subject's tag, sent by the coach, is not the coach's answer: the coach gets their own.
    const crossed = await getReport("coach", seen.get("subject")?.etag ?? "");
    expect(crossed.status).toBe(200);
    expect(crossed.body).toBe(seen.get("coach")?.body);
    await admin().settings.update({ adminsReadReports: false });
  });

  it("revalidation bypassing the policy: an admin whose organisation stops letting admins read reports gets FORBIDDEN, even with the tag they were given", async () => {
    await admin().settings.update({ adminsReadReports: true });
    const allowed = await getReport("admin");
    expect(allowed.status).toBe(200);
    await admin().settings.update({ adminsReadReports: false });
    const refused = await getReport("admin", allowed.etag ?? "");
    expect(refused.status).toBe(403);
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.etag).toBeNull();
    expect(refused.cacheControl).toBe("no-store");
  });

  it("revalidation bypassing the policy: a coach who loses the coach role gets FORBIDDEN with a matching If-None-Match, and reads again once given it back", async () => {
    const coachId = idOf(org, "coach");
    const allowed = await getReport("coach");
    expect(allowed.status).toBe(200);
    await admin().people.setRoles({ personId: coachId, roles: [] });
    const refused = await getReport("coach", allowed.etag ?? "");
    expect(refused.status).toBe(403);
    expect(refused.code).toBe("FORBIDDEN");
    await admin().people.setRoles({ personId: coachId, roles: ["coach"] });
    expect((await getReport("coach", allowed.etag ?? "")).status).toBe(304);
  });

  it("revalidation by someone deactivated: a requester who is deactivated gets FORBIDDEN with a matching If-None-Match", async () => {
    const managerId = idOf(org, "manager");
    const allowed = await getReport("manager");
    expect(allowed.status).toBe(200);
    await admin().people.update({ personId: managerId, active: false });
    const refused = await getReport("manager", allowed.etag ?? "");
    expect(refused.status).toBe(403);
    expect(refused.code).toBe("FORBIDDEN");
    await admin().people.update({ personId: managerId, active: true });
    expect((await getReport("manager", allowed.etag ?? "")).status).toBe(304);
  });

  it("a stale copy: when what the reader is shown changes (the subject is renamed), the old tag gets 200 with the new body and a new tag", async () => {
    const before = await getReport("manager");
    await admin().people.update({ personId: idOf(org, "subject"), name: "Renamed Subject" });
    const after = await getReport("manager", before.etag ?? "");
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before.etag);
    expect(JSON.parse(after.body).result.data.subject.name).toBe("Renamed Subject");
  });

  it("batches: a batch of frozen reads only gets one tag over the whole answer; a batch with anything else gets none and no-store", async () => {
    const input = encodeURIComponent(JSON.stringify({ 0: { requestId }, 1: { requestId } }));
    const onlyReports = `${base}/trpc/reports.get,reports.get?batch=1&input=${input}`;
    const batch = await getReport("subject", undefined, onlyReports);
    expect(batch.status).toBe(200);
    expect(batch.etag).toBe(strongEtag(batch.body));
    expect((await getReport("subject", batch.etag ?? "", onlyReports)).status).toBe(304);
    const mixedInput = encodeURIComponent(JSON.stringify({ 0: { requestId } }));
    const mixed = await getReport(
      "subject",
      batch.etag ?? "",
      `${base}/trpc/reports.get,me.get?batch=1&input=${mixedInput}`,
    );
    expect(mixed.status).toBe(200);
    expect(mixed.etag).toBeNull();
    expect(mixed.cacheControl).toBe("no-store");
  });

  it("erasure: once the subject is erased, every reader gets NOT_FOUND whatever tag they send, and this process holds none of their reports", async () => {
    const before = await getReport("manager");
    expect(before.status).toBe(200);
    expect(reportCache.heldAbout(org.orgId, idOf(org, "subject"))).toBeGreaterThan(0);
    await admin().people.erase({ personId: idOf(org, "subject") });
    expect(reportCache.heldAbout(org.orgId, idOf(org, "subject"))).toBe(0);
    const gone = await getReport("manager", before.etag ?? "");
    expect(gone.status).toBe(404);
    expect(gone.code).toBe("NOT_FOUND");
    expect(gone.etag).toBeNull();
  });
});

describe("the report cache", () => {
  const key = (n: number) => ({
    orgId: "o",
    requestId: `r${n}`,
    subjectId: `s${n % 2}`,
    subjectName: "S",
    releasedAt: "2026-01-01T00:00:00.000Z",
    relation: "self" as const,
    readableEarlier: [],
    defaultMode: "scores" as const,
  });
  const view = (n: number) => ({ requestId: `r${n}` }) as never;

  it("memory exhaustion: it holds at most its bound, dropping the least recently used first", () => {
    const cache = new ReportCache(3);
    for (const n of [1, 2, 3]) cache.set(key(n), view(n));
    expect(cache.get(key(1))).toBeDefined(); // 1 is now the most recently used
    cache.set(key(4), view(4));
    expect(cache.size).toBe(3);
    expect(cache.get(key(2))).toBeUndefined();
    expect(cache.get(key(1))).toBeDefined();
  });

  it("erased figures lingering in another process: no entry outlives the cache's life", () => {
    let now = 0;
    const cache = new ReportCache(10, 1000, () => now);
    cache.set(key(1), view(1));
    now = 999;
    expect(cache.get(key(1))).toBeDefined();
    now = 2001;
    expect(cache.get(key(1))).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("a key per shape: another relation, another set of readable earlier reports, another name or report layout is another entry", () => {
    const cache = new ReportCache();
    cache.set(key(1), view(1));
    expect(cache.get({ ...key(1), relation: "coach" })).toBeUndefined();
    expect(cache.get({ ...key(1), readableEarlier: ["r0"] })).toBeUndefined();
    expect(cache.get({ ...key(1), subjectName: "T" })).toBeUndefined();
    expect(cache.get({ ...key(1), releasedAt: "2026-01-02T00:00:00.000Z" })).toBeUndefined();
    expect(cache.get({ ...key(1), defaultMode: "behaviours" })).toBeUndefined();
    expect(cache.get(key(1))).toBeDefined();
  });
});
