// The e2e test clock over real HTTP: absent unless the server is given one (FIVEFOLD_TEST_CLOCK=1),
// loopback only, JSON only, forward only; once moved, procedures and the jobs read the moved time.
import type { DatabaseHandle } from "@fivefold/db";
import { createTestDatabase } from "@fivefold/db/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrganisation } from "../seed/organisation";
import { DAY_MS, TestClock } from "../test-clock";
import { smallOrg } from "../testing/harness";
import { serveOnLoopback } from "../testing/serve";
import { TEST_CLOCK_PATH } from "./test-clock";

let database: DatabaseHandle;
let plain: FastifyInstance;
let clocked: FastifyInstance;
let base: string;
const clock = new TestClock();
const jobRuns: Date[] = [];

function serve(withClock: boolean): Promise<{ app: FastifyInstance; base: string }> {
  const testClock = {
    clock,
    runJobs: async () => {
      jobRuns.push(clock.now());
    },
  };
  return serveOnLoopback(database, withClock ? { testClock } : {});
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedOrganisation(database.db, { ...smallOrg("Org T", "t.test"), password: "right-password" });
  plain = (await serve(false)).app;
  const served = await serve(true);
  clocked = served.app;
  base = served.base;
}, 30_000);
afterAll(async () => {
  await plain?.close();
  await clocked?.close();
  await database?.close();
});

const move = (app: FastifyInstance, payload: unknown, remoteAddress = "127.0.0.1") =>
  app.inject({ method: "POST", url: TEST_CLOCK_PATH, payload: payload as object, remoteAddress });

const day = (from: Date, offset: number) =>
  new Date(from.getTime() + offset * DAY_MS).toISOString().slice(0, 10);

describe("the e2e test clock", () => {
  it("does not exist on a server started without FIVEFOLD_TEST_CLOCK", async () => {
    expect((await move(plain, { days: 30 })).statusCode).toBe(404);
    expect((await plain.inject({ method: "GET", url: TEST_CLOCK_PATH })).statusCode).toBe(404);
  });

  it("answers loopback callers only, whatever X-Forwarded-For says (the attack of a remote caller moving the calendar)", async () => {
    const remote = await clocked.inject({
      method: "POST",
      url: TEST_CLOCK_PATH,
      payload: { days: 30 },
      remoteAddress: "10.0.0.8",
      headers: { "x-forwarded-for": "127.0.0.1" },
    });
    expect(remote.statusCode).toBe(403);
    expect(jobRuns).toHaveLength(0);
  });

  it("takes JSON only (a page of another site cannot post it without a pre-flight) and moves forward only", async () => {
    const form = await clocked.inject({
      method: "POST",
      url: TEST_CLOCK_PATH,
      payload: "days=30",
      headers: { "content-type": "text/plain" },
    });
    expect(form.statusCode).toBe(415);
    for (const days of [0, -3, 1.5, "3", 401]) expect((await move(clocked, { days })).statusCode).toBe(400);
    expect(jobRuns).toHaveLength(0);
  });

  it("moves the server's clock: the jobs run on the moved day, and procedures read it", async () => {
    const before = Date.now();
    const moved = await move(clocked, { days: 10 });
    expect(moved.statusCode).toBe(200);
    const now = new Date((moved.json() as { now: string }).now);
    expect(now.getTime() - before).toBeGreaterThanOrEqual(10 * DAY_MS);
    expect(now.getTime() - before).toBeLessThan(10 * DAY_MS + 60_000);
    expect(jobRuns).toHaveLength(1);
    expect(jobRuns[0]?.getTime()).toBeGreaterThanOrEqual(now.getTime());

    // Over HTTP as the admin: a cycle closing its nominations in three real days closes them
    // before the server's today, and is refused; in twelve, it is not.
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email: "admin@t.test", password: "right-password" }),
    });
    const cookie = (signIn.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const create = (offset: number) =>
      fetch(`${base}/trpc/cycles.create`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json", origin: base },
        body: JSON.stringify({
          name: `Clock ${offset}`,
          population: { everyone: true },
          nominationsCloseOn: day(new Date(before), offset),
          answersDueOn: day(new Date(before), offset + 7),
          releaseOn: day(new Date(before), offset + 14),
        }),
      });
    const early = await create(3);
    expect(early.status).toBe(400);
    expect(await early.text()).toMatch(/before today/);
    expect((await create(12)).status).toBe(200);
    expect((await clocked.inject({ method: "GET", url: TEST_CLOCK_PATH })).json()).toMatchObject({
      now: expect.stringMatching(day(new Date(before), 10)),
    });
  });
});
