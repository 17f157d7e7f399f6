// One client factory: embedded PGlite on disk by default, PGlite in memory for `pglite://memory`,
// and the `postgres` driver for `postgres://` URLs. Both speak the same drizzle schema.
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { lockDataFolder } from "./folder-lock";
import { RemotePGlite } from "./pglite-remote";
import * as schema from "./schema";
import { DEFAULT_POOL_SIZE, DEFAULT_STATEMENT_TIMEOUT_MS, type Driver, describeUrl } from "./url";

export * from "./url";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything queries can run on: the database or a transaction inside it. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  driver: Driver;
  /** Where the data lives, without credentials: a folder, `memory`, or host/database. */
  location: string;
  /**
   * Runs `fn` while holding a database-wide lock named `name`, so that of several processes
   * starting at once (workers, machines) one migrates or seeds at a time. Postgres: a session
   * advisory lock, released if the process dies. PGlite has one process by construction.
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** The folder relative paths (the embedded database) resolve against. */
  cwd?: string;
  /** Postgres: connections in this process's pool (default 10). */
  maxConnections?: number;
  /** Postgres: a statement running longer is cancelled by the server (default 15 s; 0 for none). */
  statementTimeoutMs?: number;
  /** Called with every statement drizzle sends and its parameters (the EXPLAIN check reads them). */
  logQuery?: (query: string, params: unknown[]) => void;
  /**
   * Postgres: called with every statement the pool sends, BEGIN and COMMIT included (postgres.js
   * `debug`), for tests that count round trips. PGlite has no such hook (use `logQuery`).
   */
  onStatement?: (query: string) => void;
  /**
   * PGlite: run it in a worker thread, every statement over its message port (default: the
   * environment's PGLITE_WORKER, `1` for the worker, else in this thread; the server asks for the
   * worker unless PGLITE_WORKER=0).
   */
  pgliteWorker?: boolean;
}

export async function createDatabase(
  url: string | undefined,
  options: DatabaseOptions = {},
): Promise<DatabaseHandle> {
  const { driver, location } = describeUrl(url);
  if (driver === "postgres" && url) {
    const sql = postgres(url, {
      max: options.maxConnections ?? DEFAULT_POOL_SIZE,
      onnotice: () => {},
      // Fail a request rather than hold it while the server is unreachable.
      connect_timeout: 10,
      // postgres.js waits before reconnecting a connection that closed with an error, by a retry
      // count the whole pool shares (3^n / 100 s, up to 20 s). When Postgres drops every backend
      // at once (a failover, pg_terminate_backend) the last connections of the pool waited 7-20 s,
      // with queries pinned to them. Reconnect within a second; a Postgres that is really down
      // still gets at most one attempt per connection per second.
      backoff: (retries: number) => Math.min(0.05 * retries, 1),
      // Sent at connection start, so it holds for every statement on every pooled connection.
      // No JIT: every statement here is a short one, and Postgres's estimate of the cycle's
      // progress query (10,000 index probes) crossed jit_above_cost, spending 30–60 ms compiling
      // expressions for a query that runs in under 100.
      connection: {
        statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
        jit: "off",
      },
      ...(options.onStatement
        ? { debug: (_connection: number, query: string) => options.onStatement?.(query) }
        : {}),
    });
    const logger = options.logQuery ? { logQuery: options.logQuery } : undefined;
    const db = drizzlePostgres(sql, { schema, casing: "snake_case", logger }) as unknown as Database;
    return {
      db,
      driver,
      location,
      async exclusive(name, fn) {
        // One reserved connection holds the lock; if this process dies, Postgres drops it.
        // Polled rather than waited for, so the wait (a demo seed takes seconds) is never one
        // long statement for the statement timeout to cancel.
        const key = `fivefold:${name}`;
        const reserved = await sql.reserve();
        try {
          for (;;) {
            const [row] = await reserved<
              { locked: boolean }[]
            >`select pg_try_advisory_lock(hashtext(${key})) as locked`;
            if (row?.locked) break;
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
          try {
            return await fn();
          } finally {
            await reserved`select pg_advisory_unlock(hashtext(${key}))`.catch(() => {});
          }
        } finally {
          reserved.release();
        }
      },
      close: () => sql.end({ timeout: 5 }),
    };
  }
  let dataDir: string | undefined;
  let releaseFolder = () => {};
  if (location !== "memory") {
    dataDir = resolve(options.cwd ?? process.cwd(), location);
    mkdirSync(dataDir, { recursive: true });
    // Before PGlite touches the folder: a second process must not even open it.
    releaseFolder = lockDataFolder(dataDir).release;
  }
  const inWorker = options.pgliteWorker ?? process.env.PGLITE_WORKER === "1";
  const client = inWorker ? new RemotePGlite(dataDir) : new PGlite(dataDir);
  // In its worker the database opens while this thread goes on (a server listens meanwhile, its
  // migrations wait for it: the first statement does); in this thread, it is awaited here.
  if (!inWorker) {
    try {
      await client.waitReady;
    } catch (error) {
      releaseFolder();
      throw error;
    }
  }
  const logger = options.logQuery ? { logQuery: options.logQuery } : undefined;
  const db = drizzlePglite({
    client: client as PGlite,
    schema,
    casing: "snake_case",
    logger,
  }) as unknown as Database;
  return {
    db,
    driver,
    location,
    exclusive: (_name, fn) => fn(),
    async close() {
      try {
        await client.close();
      } finally {
        releaseFolder();
      }
    },
  };
}

/** Runs raw SQL and returns its rows on either driver (postgres.js gives an array, PGlite `{ rows }`). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
