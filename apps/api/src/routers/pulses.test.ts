// The perceived-change pulse through createCaller and HTTP on the real schema: scheduled by the
// plan's owner, opened by the job to every anonymous rater of the report (answered or not),
// answered in the app and through the link, released with k per figure, read by the owner and the
// coach only. Each attack is named after what it tries.
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { addDays, isoDay, shiftDays } from "@fivefold/domain";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { openDuePulses, releaseDuePulses } from "../services/pulses";
import { fullAnswers } from "../testing/answers";
import { planWithCircle } from "../testing/grow";
import { collectOrg, createHarness, type Harness, idOf as id, systemContext } from "../testing/harness";
import { type ServedApp, serveOnLoopback } from "../testing/serve";

let h: Harness;
let a: SeededOrganisation;
let served: ServedApp;
const PEERS = ["p1", "p2", "p3", "p4", "p5"];

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  served = await serveOnLoopback(h.database);
}, 60_000);

afterAll(async () => {
  await served?.app.close();
  await h?.close();
});

async function invitationOf(requestId: string, key: string) {
  const item = (await h.as(a, key).inbox.list()).find((i) => i.requestId === requestId);
  if (!item) throw new Error(`${key} has no invitation for ${requestId}`);
  return item.invitationId;
}

/** A released report on the subject: p1–p4 answer, p5 stays silent; the manager rates too. */
async function releasedReport(): Promise<string> {
  const manager = h.as(a, "manager");
  const { id: requestId } = await manager.requests.create({
    subjectId: id(a, "subject"),
    deadline: shiftDays(new Date(), 7).toISOString(),
    raters: [
      ...PEERS.map((key) => ({ personId: id(a, key), group: "peer" as const })),
      { personId: id(a, "manager"), group: "manager" as const },
    ],
  });
  for (const key of ["p1", "p2", "p3", "p4", "manager", "subject"]) {
    await h
      .as(a, key)
      .responses.submit({ invitationId: await invitationOf(requestId, key), answers: fullAnswers(3) });
  }
  expect(await manager.requests.close({ requestId })).toEqual({ state: "released" });
  return requestId;
}

const pulseRows = (pulseId: string) =>
  h.database.db.select().from(schema.pulseInvitations).where(eq(schema.pulseInvitations.pulseId, pulseId));

async function pulseMails(pulseId: string) {
  return h.database.db
    .select()
    .from(schema.outbox)
    .where(
      and(
        eq(schema.outbox.template, "pulse_invitation"),
        sql`${schema.outbox.meta}->>'pulseId' = ${pulseId}`,
      ),
    );
}

async function tokenFor(pulseId: string, email: string): Promise<string> {
  const mail = (await pulseMails(pulseId)).find((row) => row.toEmail === email);
  const token = mail?.text.match(/\/pulse\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no pulse link for ${email}`);
  return token;
}

async function trpc<T>(path: string, input: unknown, method: "GET" | "POST") {
  const url =
    method === "GET"
      ? `${served.base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`
      : `${served.base}/trpc/${path}`;
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json", origin: served.base },
    ...(method === "POST" ? { body: JSON.stringify(input) } : {}),
  });
  const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
  return { status: response.status, data: body.result?.data as T, error: body.error };
}

describe(`pulses on ${testDriver()}`, { timeout: 60_000 }, () => {
  let planId: string;
  let pulseId: string;
  let opensOn: string;
  let items: string[];
  let publishedDay: string;

  beforeAll(async () => {
    const requestId = await releasedReport();
    // Partners p1–p3 rated the report themselves; the lead p6 did not.
    planId = await planWithCircle(h, a, {
      requestId,
      owner: "subject",
      partners: ["p1", "p2", "p3"],
      lead: "p6",
    });
  }, 120_000);

  it("refuses a pulse on a plan not yet published, in a sentence", async () => {
    await expect(
      h.as(a, "subject").pulses.schedule({ planId, on: addDays(isoDay(new Date()), 56) }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: /publish the plan first\.$/ });
  });

  it("schedules 6–12 weeks after publishing, for the owner only, one at a time", async () => {
    const owner = h.as(a, "subject");
    await owner.plans.publish({ planId });
    const view = await owner.plans.get({ planId });
    publishedDay = isoDay(new Date(view.publishedAt as string));
    expect(view.pulseWindow).toEqual({
      from: addDays(publishedDay, 42),
      to: addDays(publishedDay, 84),
      proposed: addDays(publishedDay, 56),
    });
    expect(view.pulse).toBeNull();
    expect(view.perceivedChange).toEqual([]);
    for (const days of [41, 85]) {
      await expect(owner.pulses.schedule({ planId, on: addDays(publishedDay, days) })).rejects.toMatchObject({
        code: "PRECONDITION_FAILED",
        message: /^The pulse opens 6 to 12 weeks after the plan was published/,
      });
    }
    for (const key of ["coach", "p1", "manager"]) {
      await expect(
        h.as(a, key).pulses.schedule({ planId, on: addDays(publishedDay, 56) }),
      ).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    opensOn = addDays(publishedDay, 56);
    ({ requestId: pulseId } = await owner.pulses.schedule({ planId, on: opensOn }));
    await expect(owner.pulses.schedule({ planId, on: addDays(publishedDay, 60) })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await owner.plans.get({ planId })).pulse).toMatchObject({
      requestId: pulseId,
      state: "scheduled",
      opensOn,
    });
  });

  it("opens on its day to every anonymous rater of the report, answered or not, and nobody else", async () => {
    const ctx = systemContext(h, { now: new Date(`${addDays(opensOn, -1)}T12:00:00Z`) });
    expect(await openDuePulses({ ctx })).toEqual([]);
    const opened = await openDuePulses({ ctx: systemContext(h, { now: new Date(`${opensOn}T06:00:00Z`) }) });
    expect(opened).toEqual([{ pulseId, outcome: "open" }]);
    const invited = (await pulseRows(pulseId)).map((row) => row.personId).sort();
    // p5 never answered the report and is asked all the same; the manager and the subject are not.
    expect(invited).toEqual(PEERS.map((key) => id(a, key)).sort());
    expect((await pulseMails(pulseId)).map((mail) => mail.toEmail).sort()).toEqual(
      PEERS.map((key) => `${key}@alpha.test`).sort(),
    );
    const mine = await h.as(a, "p5").pulses.mine();
    expect(mine).toEqual([expect.objectContaining({ requestId: pulseId, answered: false })]);
    const form = await h.as(a, "p5").pulses.form({ requestId: pulseId });
    items = form.items.map((item) => item.id);
    const focus = (await h.as(a, "subject").plans.get({ planId })).focus;
    expect(form.items.every((item) => focus.includes(item.dimension as (typeof focus)[number]))).toBe(true);
    expect(form.items[0]?.question).toMatch(/^Since .+, has Subject Alpha become more or less effective at/);
    expect(form.scale).toMatchObject({ min: -3, max: 3 });
  });

  it("attack: a stranger or another rater's id reads or answers the pulse: NOT_FOUND", async () => {
    await expect(h.as(a, "stranger").pulses.form({ requestId: pulseId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      h.as(a, "manager").pulses.answer({ requestId: pulseId, answers: { [items[0] as string]: 3 } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("attack: a pulse blocking a new request: the subject can still be asked for feedback", async () => {
    const { id: requestId } = await h.as(a, "manager").requests.create({
      subjectId: id(a, "subject"),
      deadline: shiftDays(new Date(), 7).toISOString(),
      raters: ["p4", "p5", "p6"].map((key) => ({ personId: id(a, key), group: "peer" as const })),
    });
    expect(requestId).toBeTruthy();
    await h.cancelActiveRequests();
  });

  it("attack: a subject learning who answered: the plan says nothing until release, and never who", async () => {
    const owner = h.as(a, "subject");
    const before = JSON.stringify(await owner.plans.get({ planId }));
    // Everyone answers the first behaviour; only p1 and p2 the second (the others cannot say).
    const [first, second] = items as [string, string];
    for (const key of ["p1", "p2", "p3"]) {
      await h.as(a, key).pulses.answer({
        requestId: pulseId,
        answers: { [first]: 2, [second]: key === "p3" ? null : 1 },
        suggestion: key === "p1" ? "Share the roadmap earlier." : undefined,
      });
    }
    const after = JSON.stringify(await owner.plans.get({ planId }));
    expect(after).toBe(before);
    const { pulse, perceivedChange } = JSON.parse(after);
    for (const key of PEERS) expect(JSON.stringify({ pulse, perceivedChange })).not.toContain(id(a, key));
    expect(pulse).toMatchObject({ state: "open", invited: 5 });
  });

  it("answers through the one-time link over HTTP, once; a wrong behaviour or a second answer is refused", async () => {
    const [first] = items as [string];
    const token = await tokenFor(pulseId, "p4@alpha.test");
    const form = await trpc<{ requestId: string; answered: boolean }>("pulses.formByToken", { token }, "GET");
    expect(form.status).toBe(200);
    expect(form.data).toMatchObject({ requestId: pulseId, answered: false });
    const wrong = await trpc("pulses.answerByToken", { token, answers: { "risk.9": 1 } }, "POST");
    expect(wrong.status).toBe(400);
    expect(wrong.error?.message).toMatch(/^The answers name a behaviour this pulse does not ask about\.$/);
    const done = await trpc("pulses.answerByToken", { token, answers: { [first]: 3 } }, "POST");
    expect(done).toMatchObject({ status: 200, data: { submitted: true } });
    const again = await trpc("pulses.answerByToken", { token, answers: { [first]: 3 } }, "POST");
    expect(again.status).toBe(409);
    await expect(
      h.as(a, "p1").pulses.answer({ requestId: pulseId, answers: { [first]: 1 } }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // Sealed: the envelopes hold no group, no rater, no answer in the clear.
    const envelopes = await h.database.db
      .select()
      .from(schema.pulseEnvelopes)
      .where(eq(schema.pulseEnvelopes.pulseId, pulseId));
    expect(envelopes).toHaveLength(4);
    expect(new Set(envelopes.map((row) => row.ciphertext.length)).size).toBe(1);
    expect(envelopes.some((row) => row.ciphertext.includes("roadmap"))).toBe(false);
  });

  it("attack: a pulse answered by fewer than k shown: at its deadline a behaviour scored by fewer than k is hidden", async () => {
    const late = new Date(`${addDays(opensOn, 15)}T06:00:00Z`);
    expect(await releaseDuePulses({ ctx: systemContext(h, { now: late }) })).toEqual([
      { pulseId, outcome: "released" },
    ]);
    const view = await h.as(a, "subject").plans.get({ planId });
    const [first, second] = items as [string, string];
    // Four scored the first (2, 2, 2, 3); two the second, fewer than k = 3 (the attack's target).
    expect(view.perceivedChange?.find((f) => f.itemId === first)).toEqual({
      itemId: first,
      mean: 2.25,
      n: 4,
    });
    expect(view.perceivedChange?.find((f) => f.itemId === second)).toEqual({ itemId: second, hidden: true });
    expect(view.pulse).toMatchObject({ state: "released", suggestions: ["Share the roadmap earlier."] });
    expect(
      await h.database.db
        .select()
        .from(schema.pulseEnvelopes)
        .where(eq(schema.pulseEnvelopes.pulseId, pulseId)),
    ).toHaveLength(0);
    await expect(h.as(a, "p5").pulses.form({ requestId: pulseId })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });

  it("attack: a partner reading perceivedChange: partners and the lead get null; the coach reads it", async () => {
    for (const key of ["p1", "p6"]) {
      const view = await h.as(a, key).plans.get({ planId });
      expect(view.perceivedChange).toBeNull();
      expect(view.pulse).toBeNull();
      expect(view.pulseWindow).toBeNull();
    }
    const coach = await h.as(a, "coach").plans.get({ planId });
    expect(coach.perceivedChange?.some((f) => "mean" in f)).toBe(true);
  });

  it("shows perceived change per behaviour on the coach's team dashboard, to the team's coaches only", async () => {
    const teamId = a.teams.Core as string;
    const board = await h.as(a, "coach").pulses.team({ teamId });
    const entry = board.find((row) => row.subject.id === id(a, "subject"));
    const [first, second] = items as [string, string];
    expect(entry?.perceivedChange).toEqual(
      expect.arrayContaining([
        { itemId: first, mean: 2.25, n: 4 },
        { itemId: second, hidden: true },
      ]),
    );
    expect(entry?.items.find((item) => item.itemId === first)?.text).toBeTruthy();
    for (const key of ["manager", "admin", "p1"]) {
      await expect(h.as(a, key).pulses.team({ teamId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
