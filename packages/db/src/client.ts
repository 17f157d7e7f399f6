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
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything queries can run on: the database or a transaction inside it. */
export type Executor = Database | Transaction;
export type Driver = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  driver: Driver;
  /** Where the data lives, without credentials: a folder, `memory`, or host/database. */
  location: string;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = ".data/pglite";

export function describeUrl(url: string | undefined): { driver: Driver; location: string } {
  if (!url) return { driver: "pglite", location: DEFAULT_DATA_DIR };
  if (url === "pglite://memory") return { driver: "pglite", location: "memory" };
  if (url.startsWith("pglite://")) return { driver: "pglite", location: url.slice("pglite://".length) };
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    const parsed = new URL(url);
    return { driver: "postgres", location: `${parsed.host}${parsed.pathname}` };
  }
  throw new Error(
    `DATABASE_URL must be unset (embedded PGlite in ${DEFAULT_DATA_DIR}), pglite://memory, pglite://<folder> or postgres://…; got "${url.split(":")[0]}:…"`,
  );
}

export async function createDatabase(
  url: string | undefined,
  options: { cwd?: string; maxConnections?: number } = {},
): Promise<DatabaseHandle> {
  const { driver, location } = describeUrl(url);
  if (driver === "postgres" && url) {
    const sql = postgres(url, { max: options.maxConnections ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(sql, { schema, casing: "snake_case" }) as unknown as Database;
    return { db, driver, location, close: () => sql.end({ timeout: 5 }) };
  }
  let client: PGlite;
  if (location === "memory") {
    client = new PGlite();
  } else {
    const dir = resolve(options.cwd ?? process.cwd(), location);
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir);
  }
  await client.waitReady;
  const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Database;
  return { db, driver, location, close: () => client.close() };
}

/** Runs raw SQL and returns its rows on either driver (postgres.js gives an array, PGlite `{ rows }`). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
