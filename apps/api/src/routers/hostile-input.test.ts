// Issue 14, finding 6: hostile text that used to answer 500 (Postgres refuses NUL and unpaired
// surrogates, an e-mail field had no length limit). Each is now a BAD_REQUEST with a sentence naming
// the field, and nothing is written (row counts before and after).
import { randomUUID } from "node:crypto";
import { schema } from "@fivefold/db";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { fullAnswers } from "../testing/answers";
import { releaseReport } from "../testing/grow";
import { collectOrg, createHarness, type Harness, idOf } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
let planId: string;

async function rows() {
  const tables = [
    schema.feedbackRequests,
    schema.nominations,
    schema.invitations,
    schema.sealedEnvelopes,
    schema.checkins,
    schema.coachingPlans,
  ];
  return Promise.all(
    tables.map(async (table) => (await h.database.db.select({ n: count() }).from(table))[0]?.n),
  );
}

async function refusedWithoutWrites(call: () => Promise<unknown>, field: RegExp) {
  const before = await rows();
  await expect(call()).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(field) });
  expect(await rows()).toEqual(before);
}

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  const requestId = await releaseReport(
    h,
    a,
    "subject",
    ["p1", "p2", "p3"].map((key) => ({ key, group: "peer" as const })),
    () => 4,
  );
  planId = (await h.as(a, "subject").plans.create({ requestId })).id;
});
afterAll(async () => {
  await h?.close();
});

describe("hostile text", () => {
  it("a lone UTF-16 surrogate in a comment is refused, and no envelope is written", async () => {
    const { id: requestId } = await h.as(a, "manager").requests.create({
      subjectId: idOf(a, "p1"),
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      raters: ["p4", "p5", "p6"].map((key) => ({ personId: idOf(a, key), group: "peer" as const })),
    });
    const rater = h.as(a, "p4");
    const invitation = (await rater.inbox.list()).find((i) => i.requestId === requestId);
    await refusedWithoutWrites(
      () =>
        rater.responses.submit({
          invitationId: invitation?.invitationId ?? "",
          answers: fullAnswers(4),
          comments: [{ dimension: "inspire", text: "fine \uD800 people" }],
        } as never),
      /comments\.0\.text contains a broken character/,
    );
    await h.cancelActiveRequests();
  });

  it("a NUL in a check-in note is refused", async () => {
    await refusedWithoutWrites(
      () => h.as(a, "subject").checkins.log({ planId, progress: 10, note: "one\u0000two", actions: [] }),
      /note contains a NUL/,
    );
  });

  it("a NUL in plan text is refused", async () => {
    await refusedWithoutWrites(
      () => h.as(a, "subject").plans.update({ planId, woop: { wish: "bold\u0000calls" } }),
      /woop\.wish contains a NUL/,
    );
  });

  it("a 1 MB e-mail address for an external rater is refused with a sentence, not a 500", async () => {
    await refusedWithoutWrites(
      () =>
        h.as(a, "manager").requests.create({
          subjectId: idOf(a, "p2"),
          deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          raters: [{ email: `${"a".repeat(1_000_000)}@partner.example`, group: "other" }],
        }),
      /e-mail/,
    );
  });

  it("a hostile key is named too (an unpaired surrogate in a property name)", async () => {
    await refusedWithoutWrites(
      () =>
        h
          .as(a, "subject")
          .checkins.log({ planId, progress: 10, note: "ok", actions: [], "\uDC00": 1 } as never),
      /has a key that contains a broken character/,
    );
  });
});

// Found by the generated fuzz (hostile-fuzz.test.ts): a message that was no sentence; the cycle
// rules had the same style (found by looking for it).
describe("messages found by the fuzz", () => {
  it('a decision without approve is named in a sentence (it was "approve is true or false")', async () => {
    await expect(
      h.as(a, "admin").nominations.decideMany({ decisions: [{ nominationId: randomUUID() }] } as never),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^A decision's "approve" is/),
    });
  });

  it("an audit filter from year 0 is refused with a sentence (on Postgres it was a 500: the bound became a negative year)", async () => {
    await expect(h.as(a, "admin").audit.list({ from: "0000-01-01T00:00:00+14:00" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/between 1970 and 9999/),
    });
  });

  it("switching to an organisation by something not an id is refused in a sentence", async () => {
    await expect(h.as(a, "admin").me.switchOrganisation({ orgId: "org-a" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^Choose the organisation by its id/),
    });
  });

  it('a cycle rule of the wrong type is named in a sentence (it was "self is true or false")', async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await expect(
      h.as(a, "admin").cycles.create({
        name: "Rules",
        population: { everyone: true },
        nominationsCloseOn: day(7),
        answersDueOn: day(21),
        releaseOn: day(28),
        rules: { self: "yes", directReports: "some" },
      } as never),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^The rule "self" is true or false/),
    });
  });
});
