// Scratch (not committed): a persistent database for EXPLAIN of the submit's statements.
import { createCaller, createContextFor, seedLargeOrganisation } from "@fivefold/api";
import { createDatabase, migrate, queryRows } from "@fivefold/db";
import { sql } from "drizzle-orm";
import postgres from "postgres";

const name = "fivefold_submit_explain";
const admin = postgres("postgres://postgres@127.0.0.1:5432/postgres", { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists ${name} with (force)`);
await admin.unsafe(`create database ${name}`);
await admin.end();
const database = await createDatabase(`postgres://postgres@127.0.0.1:5432/${name}`);
await migrate(database);
const org = await seedLargeOrganisation(database.db, { people: 3000, cycles: 2, password: "x-password-123", seed: 1 });
const [a] = await queryRows<{ user_id: string; org_id: string }>(database.db, sql`select p.user_id, p.org_id from people p join "user" u on u.id = p.user_id where u.email = ${org.signIns.admin.email}`);
const pool = await queryRows<{ id: string }>(database.db, sql`select p.id from people p where p.org_id = ${a?.org_id} and p.active
  and not exists (select 1 from person_roles r where r.org_id = p.org_id and r.person_id = p.id and r.role <> 'member')
  and not exists (select 1 from people m where m.org_id = p.org_id and m.manager_id = p.id)
  and not exists (select 1 from feedback_requests f where f.org_id = p.org_id and f.subject_id = p.id and f.state in ('draft','open')) order by p.id limit 40`);
const caller = createCaller(createContextFor({ ...database, appUrl: "http://x.invalid", mailboxEnabled: false, sealingSecret: "s".repeat(40) }, a?.user_id ?? null));
for (let r = 0; r < 3; r++) {
  const created = await caller.requests.create({ subjectId: pool[r]?.id ?? "", deadline: new Date(Date.now() + 7 * 86400000).toISOString(),
    raters: pool.slice(3 + r * 10, 13 + r * 10).map((p) => ({ personId: p.id, group: "peer" as const })) });
  console.log("request", created.id);
}
await database.close();
