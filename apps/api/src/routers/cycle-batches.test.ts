// Holding and cancelling a cycle's requests when answers are due goes in batches, like its release:
// the statements sent do not grow with the number of requests (before, each request had its own
// claim, update and transaction), and every request still moves, held sealed or cancelled.
import { type DatabaseHandle, schema } from "@fivefold/db";
import { createTestDatabase } from "@fivefold/db/testing";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../router";
import { type SeededOrganisation, seedOrganisation } from "../seed/organisation";
import { enterPhase } from "../services/cycles/advance";
import { collectOrg, idOf, systemContext, TEST_APP_URL, TEST_SEALING_SECRET } from "../testing/harness";
import { createContextFor } from "../trpc/context";

let database: DatabaseHandle;
let counting = false;
const statements: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase({
    logQuery: (query) => {
      if (counting) statements.push(query);
    },
  });
}, 60_000);
afterAll(async () => {
  await database?.close();
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const SUBJECTS = ["subject", "p1", "p2", "p3", "p4", "p5", "p6", "d1"];

/** A cycle launched for `subjects`, the first `open` of its drafts opened (as the close of nominations does). */
async function cycleWith(name: string, subjects: number, open: number) {
  const org: SeededOrganisation = await seedOrganisation(database.db, {
    ...collectOrg(name, `${name.toLowerCase()}.test`),
    password: "test-password",
  });
  const admin = createCaller(
    createContextFor(
      { ...database, appUrl: TEST_APP_URL, mailboxEnabled: true, sealingSecret: TEST_SEALING_SECRET },
      org.people.admin?.userId ?? null,
    ),
  );
  const { id: cycleId } = await admin.cycles.create({
    name,
    population: { personIds: SUBJECTS.slice(0, subjects).map((key) => idOf(org, key)) },
    nominationsCloseOn: day(7),
    answersDueOn: day(21),
    releaseOn: day(28),
  });
  const { problems } = await admin.cycles.preflight({ cycleId });
  const exclude = problems.filter((problem) => problem.blocking).map((problem) => problem.personId);
  expect(await admin.cycles.launch({ cycleId, exclude })).toEqual({ requests: subjects });
  const drafts = await database.db
    .select({ id: schema.feedbackRequests.id })
    .from(schema.feedbackRequests)
    .where(eq(schema.feedbackRequests.cycleId, cycleId))
    .orderBy(schema.feedbackRequests.id);
  const opened = drafts.slice(0, open).map((row) => row.id);
  await database.db
    .update(schema.feedbackRequests)
    .set({ state: "open", openedAt: new Date() })
    .where(inArray(schema.feedbackRequests.id, opened));
  await database.db.update(schema.cycles).set({ phase: "answering" }).where(eq(schema.cycles.id, cycleId));
  const [cycle] = await database.db.select().from(schema.cycles).where(eq(schema.cycles.id, cycleId));
  if (!cycle) throw new Error("the cycle was not written");
  return cycle;
}

/** Enters the closed phase, counting the statements sent; then the requests' states. */
async function closeCounted(cycle: Awaited<ReturnType<typeof cycleWith>>) {
  statements.length = 0;
  counting = true;
  const ctx = systemContext(
    { database, sealingSecret: TEST_SEALING_SECRET },
    { now: new Date(Date.now() + 22 * 86_400_000) },
  );
  // One batch worker, as on PGlite: on Postgres two claim side by side (SKIP LOCKED), and which of
  // them takes which rows is a race, so how many batches a phase change takes is not fixed.
  const tally = await enterPhase({ ...ctx, driver: "pglite" }, cycle, "closed");
  counting = false;
  const rows = await database.db
    .select({ state: schema.feedbackRequests.state })
    .from(schema.feedbackRequests)
    .where(
      and(eq(schema.feedbackRequests.orgId, cycle.orgId), eq(schema.feedbackRequests.cycleId, cycle.id)),
    );
  const states: Record<string, number> = {};
  for (const row of rows) states[row.state] = (states[row.state] ?? 0) + 1;
  return { tally, states, statements: statements.length, all: statements.slice() };
}

describe("a cycle's requests held and cancelled in batches", () => {
  it("holds every open request and cancels every draft with as many statements for eight requests as for two", async () => {
    const small = await closeCounted(await cycleWith("Small", 2, 1));
    expect(small.tally).toEqual({ outcomes: { closed: 1, cancelled: 1 }, failed: 0 });
    expect(small.states).toEqual({ closed: 1, cancelled: 1 });
    const large = await closeCounted(await cycleWith("Large", 8, 4));
    expect(large.tally).toEqual({ outcomes: { closed: 4, cancelled: 4 }, failed: 0 });
    expect(large.states).toEqual({ closed: 4, cancelled: 4 });
    expect(large.statements, [...small.all, "----", ...large.all].join("\n")).toBe(small.statements);
  }, 60_000);
});
