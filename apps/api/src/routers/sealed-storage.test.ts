// What a database reader or a backup sees (issue 11 §4), on both drivers: plain SQL over every
// table while a request collects, envelopes moved between requests, a changed sealing secret, the
// vacuum after releases, and answers left in the clear by a version before sealed envelopes.
import { randomBytes } from "node:crypto";
import { queryRows, schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../router";
import type { SeededOrganisation } from "../seed/organisation";
import { closeDueRequests } from "../services/collect/release";
import { openResponse, SealedEnvelopeError } from "../services/collect/sealing";
import { VACUUM_MIN_INTERVAL_MS, vacuumAfterReleases } from "../services/collect/vacuum";
import { fullAnswers } from "../testing/answers";
import { collectOrg, createHarness, type Harness, systemContext, TEST_APP_URL } from "../testing/harness";
import { createContextFor } from "../trpc/context";

let h: Harness;
let a: SeededOrganisation;

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Vault", "vault.test"));
});
afterAll(async () => {
  await h?.close();
});

const personId = (key: string) => a.people[key]?.personId as string;
const marker = (requestTag: string, key: string) => `MKR${requestTag}${key.toUpperCase()}Q9`;

/** Each test asks about its own subject, so no request shares a subject's history with another. */
async function openRequest(subjectKey: string, peers: string[]) {
  const { id } = await h.as(a, "manager").requests.create({
    subjectId: personId(subjectKey),
    deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    raters: [
      ...peers.map((key) => ({ personId: personId(key), group: "peer" as const })),
      { personId: personId("manager"), group: "manager" as const },
    ],
  });
  return id;
}

async function invitationOf(requestId: string, key: string) {
  const item = (await h.as(a, key).inbox.list()).find((i) => i.requestId === requestId);
  if (!item) throw new Error(`${key} has no invitation for ${requestId}`);
  return item.invitationId;
}

async function answer(requestId: string, keys: string[], tag: string) {
  for (const key of keys) {
    await h.as(a, key).responses.submit({
      invitationId: await invitationOf(requestId, key),
      answers: fullAnswers(3),
      comments: [{ dimension: "risk", text: `${marker(tag, key)} takes bold calls` }],
    });
  }
}

/** What `pg_dump` would write: every row of every table, as text (bytea comes out as hex). */
async function dumpAllTables(): Promise<string> {
  const tables = await queryRows<{ schema: string; name: string }>(
    h.database.db,
    sql`select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle')`,
  );
  expect(tables.length).toBeGreaterThan(20);
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await queryRows<{ row: string }>(
      h.database.db,
      sql`select row_to_json(t)::text as row from ${sql.identifier(table.schema)}.${sql.identifier(table.name)} t`,
    );
    parts.push(`-- ${table.schema}.${table.name}`, ...rows.map((r) => r.row));
  }
  return parts.join("\n");
}

const requestState = async (requestId: string) =>
  (
    await h.database.db
      .select({ state: schema.feedbackRequests.state })
      .from(schema.feedbackRequests)
      .where(eq(schema.feedbackRequests.id, requestId))
  )[0]?.state;

const envelopesOf = (requestId: string) =>
  h.database.db.select().from(schema.sealedEnvelopes).where(eq(schema.sealedEnvelopes.requestId, requestId));

describe(`what a database reader or a backup sees, on ${testDriver()}`, () => {
  it("attack: a backup read while a request is open finds no answer, comment or decline reason", async () => {
    const requestId = await openRequest("subject", ["p1", "p2", "p3", "p4", "p5"]);
    const raters = ["p1", "p2", "p3", "p4", "manager", "subject"];
    await answer(requestId, raters, "BK");
    await h.as(a, "p5").responses.decline({
      invitationId: await invitationOf(requestId, "p5"),
      reason: "MKRBKREASONQ9",
    } as never);

    const open = await dumpAllTables();
    for (const key of raters) expect(open).not.toContain(marker("BK", key));
    expect(open).not.toContain("MKRBKREASONQ9");
    expect(open).not.toContain("takes bold calls");

    // Once released the answers are there, shuffled and with no rater: the read above was not blind.
    await h.as(a, "manager").requests.close({ requestId });
    const released = await dumpAllTables();
    for (const key of raters) expect(released).toContain(marker("BK", key));
    expect(released).not.toContain("MKRBKREASONQ9");
  });

  it("attack: an envelope moved to another request does not open there", async () => {
    const source = await openRequest("p6", ["p1", "p2", "p3"]);
    const target = await openRequest("p5", ["p1", "p2", "p3"]);
    await answer(source, ["p1"], "MV");
    const [envelope] = await envelopesOf(source);
    if (!envelope) throw new Error("no envelope");
    expect(() => openResponse(h.sealingSecret, target, envelope.ciphertext)).toThrow(SealedEnvelopeError);
    expect(openResponse(h.sealingSecret, source, envelope.ciphertext).group).toBe("peer");
    const flipped = Buffer.from(envelope.ciphertext);
    flipped[flipped.length - 20] = (flipped[flipped.length - 20] ?? 0) ^ 1;
    expect(() => openResponse(h.sealingSecret, source, flipped)).toThrow(SealedEnvelopeError);

    // Planted in the other request (a database writer adding a vote), it stops that close loudly.
    await h.database.db
      .insert(schema.sealedEnvelopes)
      .values({ ...envelope, id: crypto.randomUUID(), requestId: target });
    await expect(h.as(a, "manager").requests.close({ requestId: target })).rejects.toMatchObject({
      code: "INTERNAL_SERVER_ERROR",
      cause: expect.any(SealedEnvelopeError),
    });
    expect(await requestState(target)).toBe("open");
    expect(await envelopesOf(target)).toHaveLength(1);
  });

  it("attack: closing with another sealing secret fails loudly, keeps the request open and drops no answer", async () => {
    const requestId = await openRequest("p4", ["p1", "p2", "p3"]);
    await answer(requestId, ["p1", "p2", "p3", "manager", "p4"], "RS");
    const rotated = randomBytes(32).toString("base64url");
    const manager = createCaller(
      createContextFor(
        { ...h.database, appUrl: TEST_APP_URL, mailboxEnabled: true, sealingSecret: rotated },
        a.people.manager?.userId ?? null,
      ),
    );
    const failure = await manager.requests.close({ requestId }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "INTERNAL_SERVER_ERROR", message: "Something went wrong" });
    const cause = (failure as { cause?: Error }).cause;
    expect(cause).toBeInstanceOf(SealedEnvelopeError);
    expect(cause?.message).toContain(requestId);
    expect(cause?.message).toContain("5 of 5 sealed answers do not open");
    expect(cause?.message).not.toMatch(/MKR|bold calls/);
    expect(await requestState(requestId)).toBe("open");
    expect(await envelopesOf(requestId)).toHaveLength(5);

    // The deadline job fails the same way, reports it, and leaves the request for the next run.
    const errors: unknown[] = [];
    const later = new Date(Date.now() + 15 * 86_400_000);
    const closed = await closeDueRequests({
      ctx: systemContext(h, { now: later, sealingSecret: rotated }),
      input: { onError: (id, error) => (id === requestId ? errors.push(error) : undefined) },
    });
    expect(closed.some((c) => c.requestId === requestId)).toBe(false);
    expect(errors).toEqual([expect.any(SealedEnvelopeError)]);
    expect(await requestState(requestId)).toBe("open");

    // With the secret back, it releases with every answer.
    expect(await h.as(a, "manager").requests.close({ requestId })).toEqual({ state: "released" });
    const report = await h.as(a, "p4").reports.get({ requestId });
    expect(JSON.stringify(report)).toContain(marker("RS", "p2"));
  });

  it("releases answers a version before sealed envelopes wrote in the clear, with the rest", async () => {
    const requestId = await openRequest("p3", ["p1", "p2", "p4"]);
    await answer(requestId, ["p1", "p2"], "LG");
    // As the previous version stored a submit: the response in the clear (its invitation marked).
    await h.database.db.insert(schema.sealedResponses).values({
      id: crypto.randomUUID(),
      orgId: a.orgId,
      requestId,
      group: "peer",
      answers: Object.fromEntries(fullAnswers(4).map((x) => [x.itemId, x.score])),
      comments: [{ dimension: "risk", text: `${marker("LG", "p4")} from before` }],
      submittedOn: "2026-11-30",
    });
    await h.database.db
      .update(schema.invitations)
      .set({ state: "submitted" })
      .where(eq(schema.invitations.id, await invitationOf(requestId, "p4")));
    expect(await h.as(a, "manager").requests.close({ requestId })).toEqual({ state: "released" });
    const rows = await h.database.db
      .select()
      .from(schema.sealedResponses)
      .where(eq(schema.sealedResponses.requestId, requestId));
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.submittedOn)).size).toBe(1); // all dated with the release
    expect(JSON.stringify(await h.as(a, "p3").reports.get({ requestId }))).toContain(marker("LG", "p4"));
  });

  it("vacuums sealed storage after releases only, and at most once every few minutes", async () => {
    const db = h.database.db;
    const released = await openRequest("p2", ["p1", "p3", "p4"]);
    await answer(released, ["p1", "p3", "p4"], "VC");
    await h.as(a, "manager").requests.close({ requestId: released });

    // Not again within the interval after this process's last run…
    const now = new Date();
    expect(await vacuumAfterReleases(db, { now, lastRunAt: new Date(now.getTime() - 60_000) })).toEqual({
      outcome: "too soon",
    });
    expect(await vacuumAfterReleases(db, { now, lastRunAt: null, minIntervalMs: 0 })).toMatchObject({
      outcome: "vacuumed",
    });
    expect(await vacuumAfterReleases(db, { now, lastRunAt: null, minIntervalMs: 0 })).toEqual({
      outcome: "nothing to clear",
    });

    // …nor after any other process's (Postgres's statistics keep when the table was vacuumed).
    const cancelled = await openRequest("p1", ["p2", "p3", "p4"]);
    await answer(cancelled, ["p2"], "VX");
    await h.as(a, "manager").requests.cancel({ requestId: cancelled });
    expect(await vacuumAfterReleases(db, { now: new Date(), lastRunAt: null })).toEqual({
      outcome: "too soon",
    });
    const later = new Date(Date.now() + VACUUM_MIN_INTERVAL_MS + 60_000);
    expect(await vacuumAfterReleases(db, { now: later, lastRunAt: null })).toEqual({
      outcome: "vacuumed",
      changes: 1,
    });
  });
});
