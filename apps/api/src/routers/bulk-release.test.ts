// Releasing many requests at once (the deadline job, a cycle's release): batches of one
// transaction each, every request with its own anonymity checks, insufficient ones with their
// reason, and a failure or a stop between batches leaving each request released or untouched.
import { schema } from "@fivefold/db";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { closeDueRequests } from "../services/collect/release";
import { fullAnswers } from "../testing/answers";
import { collectOrg, createHarness, type Harness, idOf as id, systemContext } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
const later = () => new Date(Date.now() + 15 * 86_400_000);

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
});
afterEach(async () => {
  await h?.cancelActiveRequests();
});
afterAll(async () => {
  await h?.close();
});

/** An open request on the subject with three peers, `answering` of whom answer. */
async function answered(
  subjectKey: string,
  peers: string[],
  answering = peers.length,
  comments: Array<{ dimension: "inspire" | "vision" | "empower" | "dream" | "risk"; text: string }> = [],
) {
  const { id: requestId } = await h.as(a, "manager").requests.create({
    subjectId: id(a, subjectKey),
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    raters: peers.map((key) => ({ personId: id(a, key), group: "peer" as const })),
  });
  for (const key of peers.slice(0, answering)) {
    const invitation = (await h.as(a, key).inbox.list()).find((i) => i.requestId === requestId);
    if (!invitation) throw new Error(`${key} not invited`);
    await h
      .as(a, key)
      .responses.submit({ invitationId: invitation.invitationId, answers: fullAnswers(4), comments });
  }
  return requestId;
}

async function states(ids: string[]) {
  const rows = await h.database.db
    .select({
      id: schema.feedbackRequests.id,
      state: schema.feedbackRequests.state,
      reason: schema.feedbackRequests.insufficientReason,
    })
    .from(schema.feedbackRequests)
    .where(inArray(schema.feedbackRequests.id, ids));
  return Object.fromEntries(
    rows.map((row) => [row.id, row.reason ? `${row.state}:${row.reason}` : row.state]),
  );
}

async function envelopes(requestId: string) {
  const [row] = await h.database.db
    .select({ n: count() })
    .from(schema.sealedEnvelopes)
    .where(and(eq(schema.sealedEnvelopes.orgId, a.orgId), eq(schema.sealedEnvelopes.requestId, requestId)));
  return row?.n ?? 0;
}

describe("closeDueRequests in batches", () => {
  it("releases a batch in one pass, each request checked alone; an insufficient one says why", async () => {
    const one = await answered("p1", ["p4", "p5", "p6"]);
    const two = await answered("p2", ["p4", "p5", "p6"]);
    const short = await answered("p3", ["p4", "p5", "p6"], 2);
    const closed = await closeDueRequests({
      ctx: systemContext(h, { now: later() }),
      input: { batchSize: 10 },
    });
    expect(closed).toEqual(
      expect.arrayContaining([
        { requestId: one, outcome: "released" },
        { requestId: two, outcome: "released" },
        { requestId: short, outcome: "insufficient" },
      ]),
    );
    expect(await states([one, two, short])).toEqual({
      [one]: "released",
      [two]: "released",
      [short]: "insufficient:too_few_raters",
    });
    // Every envelope is gone; only the released reports have their answers written out.
    for (const requestId of [one, two, short]) expect(await envelopes(requestId)).toBe(0);
    const written = await h.database.db
      .select({ requestId: schema.sealedResponses.requestId, n: count() })
      .from(schema.sealedResponses)
      .where(inArray(schema.sealedResponses.requestId, [one, two, short]))
      .groupBy(schema.sealedResponses.requestId);
    expect(Object.fromEntries(written.map((row) => [row.requestId, row.n]))).toEqual({ [one]: 3, [two]: 3 });
    // Each one's subject and requester are told, in the batch's transaction.
    const mails = await h.database.db
      .select({ template: schema.outbox.template, to: schema.outbox.toEmail, meta: schema.outbox.meta })
      .from(schema.outbox)
      .where(inArray(schema.outbox.template, ["report_released", "request_insufficient"]));
    const about = (requestId: string) =>
      mails.filter((mail) => (mail.meta as { requestId?: string }).requestId === requestId);
    expect(about(one)).toHaveLength(2);
    expect(about(short).map((mail) => mail.template)).toEqual([
      "request_insufficient",
      "request_insufficient",
    ]);
  });

  it("envelopes are opened from their heads; long answers and altered envelopes are read whole", async () => {
    // Answers longer than an envelope's head (three long comments each) are read whole, in the batch.
    const long = ["inspire", "vision", "dream"].map((dimension) => ({
      dimension: dimension as "inspire" | "vision" | "dream",
      text: `Sets a long view. ${"Keeps the team on the long road ahead. ".repeat(40)}`.trim(),
    }));
    const wordy = await answered("p1", ["p4", "p5", "p6"], 3, long);
    const plain = await answered("p2", ["p4", "p5", "p6"]);
    const tampered = await answered("p3", ["p4", "p5", "p6"]);
    const ciphertext = schema.sealedEnvelopes.ciphertext;
    // A byte of the padding changed (beyond the head): no answer depends on it, so nothing released changes.
    await h.database.db
      .update(schema.sealedEnvelopes)
      .set({ ciphertext: sql`set_byte(${ciphertext}, 20000, get_byte(${ciphertext}, 20000) # 1)` })
      .where(eq(schema.sealedEnvelopes.requestId, plain));
    // A byte of a head changed (a score, under counter mode): that request does not open, as before.
    const [first] = await h.database.db
      .select({ id: schema.sealedEnvelopes.id })
      .from(schema.sealedEnvelopes)
      .where(eq(schema.sealedEnvelopes.requestId, tampered))
      .limit(1);
    await h.database.db
      .update(schema.sealedEnvelopes)
      .set({ ciphertext: sql`set_byte(${ciphertext}, 40, get_byte(${ciphertext}, 40) # 1)` })
      .where(eq(schema.sealedEnvelopes.id, first?.id as string));
    const failures: string[] = [];
    const closed = await closeDueRequests({
      ctx: systemContext(h, { now: later() }),
      input: { batchSize: 10, onError: (requestId) => failures.push(requestId) },
    });
    expect(closed).toEqual(
      expect.arrayContaining([
        { requestId: wordy, outcome: "released" },
        { requestId: plain, outcome: "released" },
      ]),
    );
    expect(failures).toEqual([tampered]);
    expect(await states([wordy, plain, tampered])).toEqual({
      [wordy]: "released",
      [plain]: "released",
      [tampered]: "open",
    });
    expect(await envelopes(tampered)).toBe(3);
    const released = await h.database.db
      .select({ requestId: schema.sealedResponses.requestId, comments: schema.sealedResponses.comments })
      .from(schema.sealedResponses)
      .where(inArray(schema.sealedResponses.requestId, [wordy, plain]));
    const of = (requestId: string) => released.filter((row) => row.requestId === requestId);
    expect(of(wordy).map((row) => row.comments)).toEqual([long, long, long]);
    expect(of(plain)).toHaveLength(3);
    const answers = await h.database.db
      .select({ answers: schema.sealedResponses.answers })
      .from(schema.sealedResponses)
      .where(eq(schema.sealedResponses.requestId, plain));
    const four = Object.fromEntries(fullAnswers(4).map((answer) => [answer.itemId, 4]));
    for (const row of answers) expect(row.answers).toEqual(four);
  });

  it("a failing batch rolls back alone: the others release one by one and the next run continues", async () => {
    const one = await answered("p1", ["p4", "p5", "p6"]);
    const broken = await answered("p2", ["p4", "p5", "p6"]);
    const three = await answered("p3", ["p4", "p5", "p6"]);
    // A report already stored for `broken` makes the batch's insert of snapshots fail in the database.
    await h.database.db.insert(schema.reportSnapshots).values({
      requestId: broken,
      orgId: a.orgId,
      snapshot: {},
      instrumentVersion: 1,
    });
    const failures: string[] = [];
    const closed = await closeDueRequests({
      ctx: systemContext(h, { now: later() }),
      input: { batchSize: 10, onError: (requestId) => failures.push(requestId) },
    });
    expect(failures).toEqual([broken]);
    expect(closed.map((c) => c.requestId).sort()).toEqual([one, three].sort());
    expect(await states([one, broken, three])).toEqual({
      [one]: "released",
      [broken]: "open",
      [three]: "released",
    });
    expect(await envelopes(broken)).toBe(3); // nothing of it was touched

    // Once the stray row is gone, the next run releases it with every answer.
    await h.database.db.delete(schema.reportSnapshots).where(eq(schema.reportSnapshots.requestId, broken));
    expect(await closeDueRequests({ ctx: systemContext(h, { now: later() }) })).toEqual([
      { requestId: broken, outcome: "released" },
    ]);
    expect(await envelopes(broken)).toBe(0);
  });

  it("a run stopped between batches leaves each request released or untouched, and the next run continues", async () => {
    const ids = [
      await answered("p1", ["p4", "p5", "p6"]),
      await answered("p2", ["p4", "p5", "p6"]),
      await answered("p3", ["p4", "p5", "p6"]),
    ];
    // The process dies right after its first batch commits.
    const killed = closeDueRequests({
      ctx: systemContext(h, { now: later() }),
      input: {
        batchSize: 2,
        workers: 1,
        onProgress: () => {
          throw new Error("killed between batches");
        },
      },
    });
    await expect(killed).rejects.toThrow("killed between batches");
    const after = await states(ids);
    const released = ids.filter((requestId) => after[requestId] === "released");
    const open = ids.filter((requestId) => after[requestId] === "open");
    expect(released).toHaveLength(2);
    expect(open).toHaveLength(1);
    for (const requestId of released) expect(await envelopes(requestId)).toBe(0);
    for (const requestId of open) expect(await envelopes(requestId)).toBe(3);

    const next = await closeDueRequests({ ctx: systemContext(h, { now: later() }) });
    expect(next).toEqual([{ requestId: open[0], outcome: "released" }]);
    expect(Object.values(await states(ids))).toEqual(["released", "released", "released"]);
  });
});
