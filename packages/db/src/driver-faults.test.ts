// Postgres dropping the app's connections under load (a failover, a restart, pg_terminate_backend)
// must cost requests an error, never the process and never a hang: postgres.js 3.4.9 threw an
// uncatchable TypeError from a setImmediate in connection.js (porsager/postgres#1154, #1208),
// fixed by patches/postgres@3.4.9.patch; and its reconnect backoff, counted across the whole pool,
// left queries waiting up to 20 s on the last connections to reconnect (createDatabase sets a
// short one). Without the patch this test dies with that TypeError; without the backoff it waits.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle, queryRows } from "./client";
import { createTestDatabase, testDriver } from "./testing";

let test: DatabaseHandle;
/** The app's own client settings, with a pool smaller than the load, as in a worker. */
let handle: DatabaseHandle;

describe.runIf(testDriver() === "postgres")("the Postgres driver under backend terminations", () => {
  beforeAll(async () => {
    test = await createTestDatabase();
    await test.db.execute(sql`create table fault_probe (pair uuid not null, side text not null)`);
    const url = new URL(process.env.TEST_DATABASE_URL ?? "");
    url.pathname = `/${test.location}`;
    handle = await createDatabase(url.toString(), { maxConnections: 8 });
  });
  afterAll(async () => {
    await handle?.close().catch(() => {});
    await test?.close();
  });

  it("turns terminated backends into errors: no crash, no hang, nothing half-written, and the pool recovers", async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", onUncaught);
    let stop = false;
    let committed = 0;
    let failed = 0;
    let slowest = 0;
    const raters = Array.from({ length: 40 }, async () => {
      while (!stop) {
        const started = performance.now();
        try {
          // Two rows per transaction: both or neither may be stored.
          await handle.db.transaction(async (tx) => {
            const id = crypto.randomUUID();
            await tx.execute(sql`insert into fault_probe values (${id}, 'a')`);
            await tx.execute(sql`select count(*) from fault_probe`);
            await tx.execute(sql`insert into fault_probe values (${id}, 'b')`);
          });
          committed++;
        } catch {
          failed++;
        }
        slowest = Math.max(slowest, performance.now() - started);
      }
    });
    const terminate = () =>
      test.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      );
    for (let round = 0; round < 5; round++) {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await terminate().catch(() => {});
    }
    // The pool serves again within two seconds of the last termination.
    const since = performance.now();
    let recovered = false;
    while (!recovered && performance.now() - since < 2_000) {
      recovered = await handle.db.execute(sql`select 1`).then(
        () => true,
        () => false,
      );
    }
    stop = true;
    await Promise.all(raters);
    process.removeListener("uncaughtException", onUncaught);

    expect(uncaught).toEqual([]);
    expect(recovered).toBe(true);
    expect(failed).toBeGreaterThan(0); // the terminations did hit transactions
    expect(committed).toBeGreaterThan(0);
    expect(slowest).toBeLessThan(5_000); // errors, not hangs
    const halves = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from (select pair from fault_probe group by pair having count(*) <> 2) p`,
    );
    expect(halves[0]?.n).toBe(0);
    const [pairs] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(distinct pair)::int as n from fault_probe`,
    );
    // Every commit the driver acknowledged is stored (a failed commit may have landed too).
    expect(pairs?.n).toBeGreaterThanOrEqual(committed);
  }, 60_000);
});
