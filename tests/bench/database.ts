// The database a benchmark runs on: a new database on the Postgres server of TEST_DATABASE_URL
// (dropped at the end), else in-memory PGlite.
import { createDatabase, type DatabaseHandle } from "@fivefold/db";
import postgres from "postgres";

export interface BenchDatabase {
  database: DatabaseHandle;
  describe: string;
  drop(): Promise<void>;
}

export async function openBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const database = await createDatabase("pglite://memory");
    return { database, describe: "in-memory PGlite", drop: () => database.close() };
  }
  const name = `${prefix}_${Date.now()}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const database = await createDatabase(url.toString());
  return {
    database,
    describe: `Postgres on ${url.host}`,
    async drop() {
      await database.close();
      const sql = postgres(server, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.end();
    },
  };
}
