// Test databases: a fresh, migrated database per test file. In-memory PGlite by default; with
// FIVEFOLD_TEST_DRIVER=postgres, a uniquely named database on TEST_DATABASE_URL, dropped on close.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createDatabase, type DatabaseHandle, type DatabaseOptions } from "./client";
import { migrate } from "./migrate";

export function testDriver(): "pglite" | "postgres" {
  return process.env.FIVEFOLD_TEST_DRIVER === "postgres" ? "postgres" : "pglite";
}

/** `options`: the statement hooks of `createDatabase` (tests that count what a call sends). */
export async function createTestDatabase(
  options: Pick<DatabaseOptions, "logQuery" | "onStatement"> = {},
): Promise<DatabaseHandle> {
  if (testDriver() === "pglite") {
    const handle = await createDatabase("pglite://memory", options);
    await migrate(handle);
    return handle;
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("FIVEFOLD_TEST_DRIVER=postgres needs TEST_DATABASE_URL");
  const name = `fivefold_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await createDatabase(url.toString(), { maxConnections: 25, ...options });
  await migrate(handle);
  return {
    ...handle,
    location: name,
    async close() {
      await handle.close();
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}
