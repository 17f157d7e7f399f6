// Postgres dropping the app's connections under load (a failover, a restart, pg_terminate_backend)
// must cost requests an error, never the process and never a hang: postgres.js 3.4.9 threw an
// uncatchable TypeError from a setImmediate in connection.js (porsager/postgres#1154, #1208),
// fixed by patches/postgres@3.4.9.patch; and its reconnect backoff, counted across the whole pool,
// left queries waiting up to 20 s on the last connections to reconnect (createDatabase sets a
// short one). Without the patch this test dies with that TypeError; without the backoff it waits.
// And a new connection fetches the array types first, in a promise the driver dropped: a cut then
// rejected it with nobody listening, and Node ended the process (porsager/postgres#1192, #1223).
import { connect, createServer } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle, queryRows } from "./client";
import { createTestDatabase, testDriver } from "./testing";

let test: DatabaseHandle;
/** The app's own client settings, with a pool smaller than the load, as in a worker. */
let handle: DatabaseHandle;
let databaseUrl: URL;

describe.runIf(testDriver() === "postgres")("the Postgres driver under backend terminations", () => {
  beforeAll(async () => {
    test = await createTestDatabase();
    await test.db.execute(sql`create table fault_probe (pair uuid not null, side text not null)`);
    databaseUrl = new URL(process.env.TEST_DATABASE_URL ?? "");
    databaseUrl.pathname = `/${test.location}`;
    handle = await createDatabase(databaseUrl.toString(), { maxConnections: 8 });
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

  it("a connection cut while it fetches the array types costs neither the process nor the reserve() waiting for it", async () => {
    // Between the app and Postgres, a proxy that cuts the first connection that asks for the types.
    let cuts = 0;
    const proxy = createServer((client) => {
      const upstream = connect(Number(databaseUrl.port || 5432), databaseUrl.hostname);
      client.on("error", () => {});
      upstream.on("error", () => {});
      upstream.pipe(client);
      client.on("data", (chunk: Buffer) => {
        if (cuts === 0 && chunk.includes("typarray")) {
          cuts++;
          client.destroy();
          upstream.destroy();
        } else upstream.write(chunk);
      });
      client.on("close", () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const address = proxy.address();
    const proxied = new URL(databaseUrl);
    proxied.port = String(typeof address === "object" && address ? address.port : 0);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const cut = await createDatabase(proxied.toString(), { maxConnections: 2 });
    try {
      // The jobs' lock reserves a connection: the one whose cut rejected the dropped promise.
      const rows = await cut.exclusive("types-cut", () =>
        queryRows<{ xs: string[] }>(cut.db, sql`select array['a', 'b']::text[] as xs`),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(cuts).toBe(1);
      expect(unhandled).toEqual([]);
      // The replacement connection fetched the types: arrays still arrive as arrays.
      expect(rows[0]?.xs).toEqual(["a", "b"]);
    } finally {
      process.removeListener("unhandledRejection", onUnhandled);
      await cut.close().catch(() => {});
      await new Promise((resolve) => proxy.close(resolve));
    }
  }, 60_000);
});
