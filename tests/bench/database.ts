// The database a benchmark runs on: a new database on the Postgres server of TEST_DATABASE_URL
// (dropped at the end), else in-memory PGlite. To measure one change again and again without
// generating the data each time, BENCH_KEEP_DATABASE=1 keeps the new database (its name is printed)
// and BENCH_DATABASE=<name> runs on that kept database instead of a new one (`reused` is then true).
import { createDatabase, type DatabaseHandle, schema } from "@fivefold/db";
import { and, eq } from "drizzle-orm";
import postgres from "postgres";

export interface BenchDatabase {
  database: DatabaseHandle;
  describe: string;
  /** The database was kept by an earlier run (BENCH_DATABASE) and already holds its data. */
  reused: boolean;
  drop(): Promise<void>;
}

export async function openBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const database = await createDatabase("pglite://memory");
    return { database, describe: "in-memory PGlite", reused: false, drop: () => database.close() };
  }
  const kept = process.env.BENCH_DATABASE;
  if (kept !== undefined && !/^[a-z0-9_]+$/.test(kept))
    throw new Error(`BENCH_DATABASE is not a database name: ${kept}`);
  const name = kept ?? `${prefix}_${Date.now()}`;
  if (!kept) {
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
  }
  const keep = kept !== undefined || process.env.BENCH_KEEP_DATABASE === "1";
  const url = new URL(server);
  url.pathname = `/${name}`;
  const database = await createDatabase(url.toString());
  return {
    database,
    describe: `Postgres on ${url.host} (database ${name}${keep ? ", kept" : ""})`,
    reused: kept !== undefined,
    async drop() {
      await database.close();
      if (keep) return;
      const sql = postgres(server, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.end();
    },
  };
}

/** The generated organisation's admin (`seedLargeOrganisation`'s sign-in), made an analyst too. */
export async function generatedAdminAsAnalyst(
  database: DatabaseHandle,
  org: { orgId: string; signIns: { admin: { email: string } } },
): Promise<{ id: string; userId: string }> {
  const [admin] = await database.db
    .select({ id: schema.people.id, userId: schema.people.userId })
    .from(schema.people)
    .where(and(eq(schema.people.orgId, org.orgId), eq(schema.people.email, org.signIns.admin.email)));
  if (!admin?.userId) throw new Error("the generated admin has no sign-in");
  await database.db
    .insert(schema.personRoles)
    .values({ orgId: org.orgId, personId: admin.id, role: "analyst" });
  return { id: admin.id, userId: admin.userId };
}
