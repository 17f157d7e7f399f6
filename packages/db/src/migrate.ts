// Applies the drizzle-kit migrations in packages/db/drizzle with the driver's own migrator. On
// Postgres under a database-wide lock, so workers and machines starting at once migrate one at a
// time (the others then find nothing left to do).
import { fileURLToPath } from "node:url";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { DatabaseHandle } from "./client";

export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

/** `folder`: where the migrations are when this module is bundled away from packages/db. */
export async function migrate(handle: DatabaseHandle, folder = migrationsFolder): Promise<void> {
  if (handle.driver === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: folder });
  } else {
    await handle.exclusive("migrate", () =>
      migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder: folder }),
    );
  }
}
