// The embedded database in a worker thread (pglite-remote.ts ↔ pglite-worker.mjs) must behave as
// PGlite in this thread does for everything drizzle sends: types as drizzle expects them, Postgres
// errors with their fields, transactions that commit or roll back whole (savepoints included), and
// no statement of another caller slipping into an open transaction.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle, queryRows } from "./client";
import { migrate } from "./migrate";
import { countOrganisations } from "./queries";

let worker: DatabaseHandle;
let inThread: DatabaseHandle;

beforeAll(async () => {
  worker = await createDatabase("pglite://memory", { pgliteWorker: true });
  inThread = await createDatabase("pglite://memory", { pgliteWorker: false });
  await migrate(worker);
  for (const handle of [worker, inThread]) {
    await handle.db.execute(sql`create table probe (id int primary key, note text not null)`);
  }
}, 60_000);
afterAll(async () => {
  await worker?.close();
  await inThread?.close();
});

const cause = (error: unknown): Record<string, unknown> =>
  ((error as { cause?: unknown }).cause ?? error) as Record<string, unknown>;

describe("PGlite in a worker thread", () => {
  it("migrates and answers drizzle's queries as PGlite in this thread does, type for type", async () => {
    expect(await countOrganisations(worker.db)).toBe(0);
    const probe = sql`select timestamptz '2026-12-01 10:00:00+00' as at, date '2026-12-01' as day,
      '{"a": [1, 2]}'::jsonb as doc, array['x', 'y'] as list, 7::int8 as big, 1.5::numeric as num,
      '\\x0102'::bytea as bytes, null::text as nothing, true as yes`;
    const [remote] = await queryRows<Record<string, unknown>>(worker.db, probe);
    const [local] = await queryRows<Record<string, unknown>>(inThread.db, probe);
    expect(remote).toEqual(local);
    expect(remote?.at).toBe("2026-12-01 10:00:00+00"); // drizzle keeps dates as text
  });

  it("hands Postgres's errors back with their code and constraint, so errors.ts maps them", async () => {
    await worker.db.execute(sql`insert into probe values (1, 'one')`);
    const error = await worker.db.execute(sql`insert into probe values (1, 'again')`).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(cause(error)).toMatchObject({ code: "23505", constraint: "probe_pkey" });
    expect(String(cause(error).message)).toMatch(/duplicate key/);
  });

  it("a transaction that throws leaves nothing, savepoints included; one that returns keeps all", async () => {
    await expect(
      worker.db.transaction(async (tx) => {
        await tx.execute(sql`insert into probe values (2, 'two')`);
        await tx.transaction(async (inner) => inner.execute(sql`insert into probe values (3, 'three')`));
        throw new Error("Stop here.");
      }),
    ).rejects.toThrow("Stop here.");
    const kept = await worker.db.transaction(async (tx) => {
      await tx.execute(sql`insert into probe values (4, 'four')`);
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into probe values (5, 'five')`);
          throw new Error("Only the savepoint.");
        })
        .catch(() => {});
      return "done";
    });
    expect(kept).toBe("done");
    const ids = await queryRows<{ id: number }>(worker.db, sql`select id from probe order by id`);
    expect(ids.map((r) => r.id)).toEqual([1, 4]);
  });

  it("a statement of another caller waits for an open transaction instead of joining it", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tx = worker.db.transaction(async (t) => {
      await t.execute(sql`insert into probe values (6, 'six')`);
      await held;
      throw new Error("Roll back.");
    });
    const outside = queryRows<{ n: number }>(
      worker.db,
      sql`select count(*)::int as n from probe where id = 6`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await expect(tx).rejects.toThrow("Roll back.");
    expect((await outside)[0]?.n).toBe(0);
  });

  it("answers many callers at once, each with its own rows", async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => queryRows<{ n: number }>(worker.db, sql`select ${i}::int as n`)),
    );
    expect(answers.map((rows) => rows[0]?.n)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
