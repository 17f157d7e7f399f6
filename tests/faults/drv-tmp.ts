import { createDatabase } from "@fivefold/db";
import { sql } from "drizzle-orm";
import { createFaultDatabase } from "./lib/database";

const fdb = await createFaultDatabase("postgres://postgres@127.0.0.1:5432/postgres");
const test = await createDatabase(fdb.url, { maxConnections: 2 });
await test.db.execute(sql`create table fault_probe (pair uuid not null, side text not null)`);
const handle = await createDatabase(fdb.url, { maxConnections: 8 });
let stop = false;
let dumped = false;
let committed = 0,
  failed = 0,
  slowest = 0;
const loops = Array.from({ length: 40 }, async () => {
  while (!stop) {
    const started = performance.now();
    const p = handle.db.transaction(async (tx) => {
      const id = crypto.randomUUID();
      await tx.execute(sql`insert into fault_probe values (${id}, 'a')`);
      await tx.execute(sql`select count(*) from fault_probe`);
      await tx.execute(sql`insert into fault_probe values (${id}, 'b')`);
    });
    const timer = setTimeout(() => {
      if (!dumped) {
        dumped = true;
        for (const f of (globalThis as unknown as { __pg: Array<() => unknown> }).__pg) {
          const d = f() as { conns: unknown[] };
          if (d.conns.length === 8) console.log(JSON.stringify(d, null, 1));
        }
      }
    }, 8000);
    try {
      await p;
      committed++;
    } catch {
      failed++;
    }
    clearTimeout(timer);
    slowest = Math.max(slowest, performance.now() - started);
  }
});
for (let i = 0; i < 5; i++) {
  await new Promise((r) => setTimeout(r, 600));
  await test.db
    .execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
    )
    .catch(() => {});
}
await new Promise((r) => setTimeout(r, 1000));
stop = true;
const done = await Promise.race([
  Promise.all(loops).then(() => "done"),
  new Promise((r) => setTimeout(() => r("STUCK"), 30000)),
]);
console.log({ committed, failed, slowest: Math.round(slowest), done });
await handle.close().catch(() => {});
await test.close().catch(() => {});
await fdb.drop();
process.exit(0);
