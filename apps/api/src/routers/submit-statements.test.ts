// What one submit sends to the database: counted, so a change that adds a round trip to the hottest
// write of a cycle shows here. Every statement drizzle sends is counted on both drivers; on
// Postgres every statement the pool sends too (BEGIN and COMMIT included, through postgres.js's
// debug hook). Before this count existed a submit took about 14 (three reads of the invitation and
// its request, a separate claim, envelope and restamp, the restamp walking a whole index); then 5
// (membership, one read, BEGIN, the request's lock, one write, COMMIT), and through a one-time link
// two more at the edge, one of them the link's rate-limit count with a commit of its own. Now the
// lock and the link's count are part of the one write, which commits on its own.
import { createDatabase, type DatabaseHandle, queryRows } from "@fivefold/db";
import { createTestDatabase, testDriver } from "@fivefold/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultRateLimits, RateLimiter } from "../http/rate-limits";
import { createCaller } from "../router";
import { type SeededOrganisation, seedOrganisation } from "../seed/organisation";
import { fullAnswers } from "../testing/answers";
import { collectOrg, idOf, TEST_APP_URL, TEST_SEALING_SECRET } from "../testing/harness";
import { createContextFor } from "../trpc/context";

let database: DatabaseHandle;
let org: SeededOrganisation;
let counting = false;
const drizzleStatements: string[] = [];
const poolStatements: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase({
    logQuery: (query) => {
      if (counting) drizzleStatements.push(query);
    },
    onStatement: (query) => {
      if (counting) poolStatements.push(query);
    },
  });
  org = await seedOrganisation(database.db, {
    ...collectOrg("Counted", "counted.test"),
    password: "test-password",
  });
}, 60_000);
afterAll(async () => {
  await database?.close();
});

const as = (key: string) =>
  createCaller(
    createContextFor(
      { ...database, appUrl: TEST_APP_URL, mailboxEnabled: true, sealingSecret: TEST_SEALING_SECRET },
      org.people[key]?.userId ?? null,
    ),
  );

/** The one-time link in the invitation e-mail of `rater` for the request. */
async function linkOf(requestId: string, rater: string): Promise<string> {
  const [row] = await queryRows<{ link: string }>(
    database.db,
    sql`select o.meta->>'link' as link from outbox o join invitations i on i.id = (o.meta->>'invitationId')::uuid
        where o.meta->>'requestId' = ${requestId} and i.person_id = ${idOf(org, rater)}`,
  );
  if (!row) throw new Error(`no link for ${rater}`);
  return row.link.replace(/^.*\/r\//, "");
}

async function counted<T>(work: () => Promise<T>): Promise<{ result: T; drizzle: string[]; pool: string[] }> {
  drizzleStatements.length = 0;
  poolStatements.length = 0;
  counting = true;
  try {
    const result = await work();
    return { result, drizzle: [...drizzleStatements], pool: [...poolStatements] };
  } finally {
    counting = false;
  }
}

const firstWord = (q: string) => q.trim().split(/\s+/)[0]?.toLowerCase();

describe(`statements of a submit on ${testDriver()}`, () => {
  it("a signed-in submit: the membership, one read and one write (lock, claim, envelope, restamp), one commit", async () => {
    const { id: requestId } = await as("manager").requests.create({
      subjectId: idOf(org, "subject"),
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      raters: ["p1", "p2", "p3"].map((key) => ({ personId: idOf(org, key), group: "peer" as const })),
    });
    const invitation = (await as("p1").inbox.list()).find((i) => i.requestId === requestId);
    if (!invitation) throw new Error("p1 was not invited");
    const { result, drizzle, pool } = await counted(() =>
      as("p1").responses.submit({
        invitationId: invitation.invitationId,
        answers: fullAnswers(4),
        idempotencyKey: crypto.randomUUID(),
      }),
    );
    expect(result).toEqual({ submitted: true });
    // membership, invitation with its request, lock + claim + envelope + restamp
    expect(drizzle).toHaveLength(3);
    if (testDriver() === "postgres") expect(pool.map(firstWord)).toEqual(["select", "select", "with"]);
    // Nothing lost or doubled, and every invitation of the request carries the submit's stamp.
    const [stored] = await queryRows<{ envelopes: number; submitted: number }>(
      database.db,
      sql`select (select count(*)::int from sealed_envelopes where request_id = ${requestId}) as envelopes,
        (select count(*)::int from invitations where request_id = ${requestId} and state = 'submitted') as submitted`,
    );
    expect(stored).toEqual({ envelopes: 1, submitted: 1 });
    if (testDriver() === "postgres") {
      const stamps = await queryRows<{ n: number }>(
        database.db,
        sql`select count(distinct xmin::text)::int as n from invitations where request_id = ${requestId}`,
      );
      expect(stamps[0]?.n).toBe(1);
    }
  });

  it("a submit with a one-time link over HTTP: the misses check, one read and one write that also counts the link", async () => {
    const { id: requestId } = await as("subject").requests.create({
      subjectId: idOf(org, "d2"),
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      raters: ["p1", "p2", "p3"].map((key) => ({ personId: idOf(org, key), group: "peer" as const })),
    });
    const token = await linkOf(requestId, "p2");
    const limiter = new RateLimiter(database.db, defaultRateLimits({ link: 60 }));
    const edge = { clientAddress: "192.0.2.7", limiter };
    const caller = createCaller(
      createContextFor(
        { ...database, appUrl: TEST_APP_URL, mailboxEnabled: true, sealingSecret: TEST_SEALING_SECRET },
        null,
        edge,
      ),
    );
    const { result, drizzle, pool } = await counted(() =>
      caller.responses.submitByToken({ token, answers: fullAnswers(3), idempotencyKey: crypto.randomUUID() }),
    );
    expect(result).toEqual({ submitted: true });
    // the misses of the address (a read), invitation with its request, the one write
    expect(drizzle).toHaveLength(3);
    if (testDriver() === "postgres") expect(pool.map(firstWord)).toEqual(["select", "select", "with"]);
    // The write counted the link into the bucket the edge counts every other call with it into.
    const bucket = limiter.bucket({ limit: "linkPerToken", subject: token });
    const [row] = await queryRows<{ hits: number }>(
      database.db,
      sql`select hits from rate_limit_buckets where key = ${bucket.key}`,
    );
    expect(row?.hits).toBe(1);
    const [stored] = await queryRows<{ envelopes: number }>(
      database.db,
      sql`select count(*)::int as envelopes from sealed_envelopes where request_id = ${requestId}`,
    );
    expect(stored?.envelopes).toBe(1);
  });

  it("a second submit of the same invitation is a CONFLICT and stores nothing more", async () => {
    const { id: requestId } = await as("subject").requests.create({
      subjectId: idOf(org, "d1"),
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      raters: ["p4", "p5", "p6"].map((key) => ({ personId: idOf(org, key), group: "peer" as const })),
    });
    const invitation = (await as("p4").inbox.list()).find((i) => i.requestId === requestId);
    if (!invitation) throw new Error("p4 was not invited");
    await as("p4").responses.submit({ invitationId: invitation.invitationId, answers: fullAnswers(2) });
    await expect(
      as("p4").responses.submit({ invitationId: invitation.invitationId, answers: fullAnswers(2) }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const [stored] = await queryRows<{ envelopes: number }>(
      database.db,
      sql`select count(*)::int as envelopes from sealed_envelopes where request_id = ${requestId}`,
    );
    expect(stored?.envelopes).toBe(1);
  });

  // Postgres parses and plans an unprepared statement on every call, and postgres.js first asks for
  // the types of its parameters (a round trip of its own). On one pooled connection, two link
  // submits must each execute the same two prepared statements: the misses check and the write.
  it.runIf(testDriver() === "postgres")(
    "a link submit's misses check and write are prepared: planned once per connection, not per submit",
    async () => {
      const url = new URL(process.env.TEST_DATABASE_URL ?? "");
      url.pathname = `/${database.location}`;
      const single = await createDatabase(url.toString(), { maxConnections: 1 });
      try {
        const { id: requestId } = await as("subject").requests.create({
          subjectId: idOf(org, "d3"),
          deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          raters: ["p4", "p5", "p6"].map((key) => ({ personId: idOf(org, key), group: "peer" as const })),
        });
        const limiter = new RateLimiter(single.db, defaultRateLimits({ link: 60 }));
        const caller = createCaller(
          createContextFor(
            { ...single, appUrl: TEST_APP_URL, mailboxEnabled: true, sealingSecret: TEST_SEALING_SECRET },
            null,
            { clientAddress: "192.0.2.8", limiter },
          ),
        );
        for (const rater of ["p4", "p5"]) {
          const token = await linkOf(requestId, rater);
          expect(
            await caller.responses.submitByToken({
              token,
              answers: fullAnswers(4),
              idempotencyKey: crypto.randomUUID(),
            }),
          ).toEqual({ submitted: true });
        }
        const prepared = await queryRows<{ statement: string; runs: number }>(
          single.db,
          sql`select statement, (generic_plans + custom_plans)::int as runs from pg_prepared_statements`,
        );
        const runsOf = (start: RegExp) => prepared.filter((p) => start.test(p.statement.trim()));
        const writes = runsOf(/^with request as/);
        expect(writes).toHaveLength(1);
        expect(writes[0]?.runs).toBe(2);
        const misses = runsOf(/^select .* from "rate_limit_buckets" where/);
        expect(misses).toHaveLength(1);
        expect(misses[0]?.runs).toBe(2);
        const [stored] = await queryRows<{ envelopes: number }>(
          database.db,
          sql`select count(*)::int as envelopes from sealed_envelopes where request_id = ${requestId}`,
        );
        expect(stored?.envelopes).toBe(2);
      } finally {
        await single.close();
      }
    },
  );
});
