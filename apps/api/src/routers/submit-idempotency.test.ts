// A submit cut off on its way back (stored, but the client saw an error) is retried with the same
// idempotency key and answered with success, once stored; any other submit of a sealed invitation
// is still a CONFLICT. The key lives on the invitation, never on the sealed response.
import { queryRows, schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { fullAnswers } from "../testing/answers";
import { collectOrg, createHarness, type Harness } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
let requestId: string;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const personId = (key: string) => a.people[key]?.personId ?? "";

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  const created = await h.as(a, "manager").requests.create({
    subjectId: personId("subject"),
    deadline: inDays(14),
    raters: ["p1", "p2", "p3", "p4", "p5", "p6"].map((key) => ({
      personId: personId(key),
      group: "peer" as const,
    })),
  });
  requestId = created.id;
});
afterAll(async () => {
  await h?.close();
});

async function invitationOf(key: string): Promise<string> {
  const item = (await h.as(a, key).inbox.list()).find((i) => i.requestId === requestId);
  if (!item) throw new Error(`${key} is not invited`);
  return item.invitationId;
}

async function tokenOf(key: string): Promise<string> {
  const rows = await h.database.db
    .select()
    .from(schema.outbox)
    .where(eq(schema.outbox.toEmail, `${key}@alpha.test`));
  const link = rows.find((r) => r.meta.requestId === requestId)?.meta.link;
  if (typeof link !== "string") throw new Error(`no link for ${key}`);
  return link.replace("/r/", "");
}

async function sealedCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    h.database.db,
    sql`select count(*)::int as n from sealed_envelopes where request_id = ${requestId}`,
  );
  return row?.n ?? 0;
}

describe(`submit idempotency on ${testDriver()}`, () => {
  it("answers a retry with the same key as the first time, and stores one response", async () => {
    const invitationId = await invitationOf("p1");
    const caller = h.as(a, "p1");
    const key = crypto.randomUUID();
    const first = await caller.responses.submit({
      invitationId,
      answers: fullAnswers(4),
      idempotencyKey: key,
    });
    const retry = await caller.responses.submit({
      invitationId,
      answers: fullAnswers(4),
      idempotencyKey: key,
    });
    expect(retry).toEqual(first);
    expect(first).toEqual({ submitted: true });
    expect(await sealedCount()).toBe(1);
    // Another key, or none, is another submit: already submitted.
    await expect(
      caller.responses.submit({ invitationId, answers: fullAnswers(2), idempotencyKey: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "You have already submitted your feedback" });
    await expect(caller.responses.submit({ invitationId, answers: fullAnswers(2) })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await sealedCount()).toBe(1);
  });

  it("does the same through a one-time link", async () => {
    const token = await tokenOf("p2");
    const key = crypto.randomUUID();
    const anyone = h.callerFor(null);
    expect(
      await anyone.responses.submitByToken({ token, answers: fullAnswers(3), idempotencyKey: key }),
    ).toEqual({
      submitted: true,
    });
    expect(
      await anyone.responses.submitByToken({ token, answers: fullAnswers(3), idempotencyKey: key }),
    ).toEqual({
      submitted: true,
    });
    await expect(anyone.responses.submitByToken({ token, answers: fullAnswers(3) })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await sealedCount()).toBe(2);
  });

  it("of many submits at once with one key, all succeed and one is stored; with different keys, one wins", async () => {
    const sameKey = await invitationOf("p3");
    const key = crypto.randomUUID();
    const caller = h.as(a, "p3");
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        caller.responses.submit({ invitationId: sameKey, answers: fullAnswers(5), idempotencyKey: key }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill("fulfilled"));
    expect(await sealedCount()).toBe(3);

    const contested = await invitationOf("p4");
    const raced = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        h.as(a, "p4").responses.submit({
          invitationId: contested,
          answers: fullAnswers(1),
          idempotencyKey: crypto.randomUUID(),
        }),
      ),
    );
    expect(raced.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of raced) {
      if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    }
    expect(await sealedCount()).toBe(4);
  });

  it("keeps the key on the invitation only: sealed envelopes and responses have no place for it", async () => {
    const columnsOf = async (table: string) =>
      (
        await queryRows<{ column_name: string }>(
          h.database.db,
          sql`select column_name from information_schema.columns where table_name = ${table} order by column_name`,
        )
      ).map((c) => c.column_name);
    expect(await columnsOf("sealed_envelopes")).toEqual(["ciphertext", "id", "org_id", "request_id"]);
    expect(await columnsOf("sealed_responses")).toEqual([
      "answers",
      "comments",
      "group",
      "id",
      "org_id",
      "request_id",
      "submitted_on",
    ]);
    const [p1] = await h.database.db
      .select({ submitKey: schema.invitations.submitKey })
      .from(schema.invitations)
      .where(eq(schema.invitations.personId, personId("p1")));
    expect(p1?.submitKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses a key that is not one", async () => {
    const invitationId = await invitationOf("p5");
    for (const idempotencyKey of [
      "short",
      "has spaces in it, sixteen+",
      "x".repeat(129),
      "quote'and;semicolon-x",
    ]) {
      await expect(
        h.as(a, "p5").responses.submit({ invitationId, answers: fullAnswers(3), idempotencyKey }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        cause: { fields: { idempotencyKey: expect.any(String) } },
      });
    }
    expect(await sealedCount()).toBe(4);
  });
});
