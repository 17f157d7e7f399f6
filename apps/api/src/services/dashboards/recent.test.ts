// dashboards.team, dashboards.teams and reports.list over real HTTP, where the facts they load are
// kept per reader for up to 60 s (services/recent.ts): the access policy still judges every read,
// and a change applies at the very next one. Each test is named after what it stops.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../../seed/organisation";
import { collectOrg, createHarness, type Harness, idOf } from "../../testing/harness";
import { releasedRequest } from "../../testing/released-request";
import { serveOnLoopback, signInOverHttp } from "../../testing/serve";

let h: Harness;
let org: SeededOrganisation;
let app: FastifyInstance;
let base: string;
let first: string;
const cookies = new Map<string, string>();
const core = () => org.teams.Core ?? "";

beforeAll(async () => {
  h = await createHarness();
  org = await h.seed(collectOrg("Recent", "recent.test"));
  first = await releasedRequest(h, org, {
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

async function cookieOf(key: string): Promise<string> {
  const known = cookies.get(key);
  if (known) return known;
  const cookie = await signInOverHttp(base, `${key}@recent.test`);
  cookies.set(key, cookie);
  return cookie;
}

async function read<T>(key: string, path: string, input?: unknown): Promise<{ status: number; data: T }> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetch(`${base}/trpc/${path}${query}`, { headers: { cookie: await cookieOf(key) } });
  const body = (await response.json()) as { result?: { data: T } };
  return { status: response.status, data: body.result?.data as T };
}

interface Dashboard {
  viewer: string;
  people: Array<{ personId: string; requestId: string | null }>;
}
const dashboard = (key: string) => read<Dashboard>(key, "dashboards.team", { teamId: core() });
const reportIds = async (key: string) =>
  (await read<Array<{ requestId: string }>>(key, "reports.list")).data.map((r) => r.requestId);

describe("dashboards and reports.list over HTTP, with recent facts", () => {
  it("one reader's facts for another: the manager's dashboard, read first, is never the coach's", async () => {
    const manager = await dashboard("manager");
    const coach = await dashboard("coach");
    expect(manager.data.viewer).toBe("manager");
    expect(coach.data.viewer).toBe("coach");
    expect(coach.data.people.length).toBeGreaterThan(manager.data.people.length);
    expect((await dashboard("manager")).data).toEqual(manager.data);
    expect((await dashboard("p1")).status).toBe(403);
  });

  it("a lost coach role lingering: the coach is refused at the very next read, and reads again once given it back", async () => {
    const coachId = idOf(org, "coach");
    expect((await dashboard("coach")).status).toBe(200);
    expect(await reportIds("coach")).toContain(first);
    await h.as(org, "admin").people.setRoles({ personId: coachId, roles: [] });
    try {
      expect((await dashboard("coach")).status).toBe(403);
      expect((await read<unknown[]>("coach", "dashboards.teams")).data).toEqual([]);
      expect(await reportIds("coach")).not.toContain(first);
    } finally {
      await h.as(org, "admin").people.setRoles({ personId: coachId, roles: ["coach"] });
    }
    expect((await dashboard("coach")).data.viewer).toBe("coach");
    expect(await reportIds("coach")).toContain(first);
  });

  it("a stale dashboard: a report released meanwhile shows at the very next read", async () => {
    const before = await dashboard("coach");
    expect(before.data.people.find((p) => p.personId === idOf(org, "p1"))?.requestId).toBeNull();
    const released = await releasedRequest(h, org, {
      manager: "manager",
      subject: "p1",
      peers: ["p2", "p3", "p4"],
    });
    const after = await dashboard("coach");
    expect(after.data.people.find((p) => p.personId === idOf(org, "p1"))?.requestId).toBe(released);
    expect(await reportIds("coach")).toContain(released);
  });
});
