// Starts a real organisation: creates it with its first admin (who can then import everyone
// else). Usage: DATABASE_URL=postgres://… pnpm create-admin --org "Acme" --name "Ada Lovelace" --email ada@acme.com
import { randomBytes } from "node:crypto";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createDatabase, migrate } from "@fivefold/db";
import { seedOrganisation } from "../seed/organisation";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      org: { type: "string" },
      name: { type: "string" },
      email: { type: "string" },
      password: { type: "string" },
    },
  });
  if (!values.org || !values.name || !values.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) {
    console.error(
      'Usage: pnpm create-admin --org "Organisation" --name "Full Name" --email admin@example.com [--password …]',
    );
    process.exit(2);
  }
  if (values.password !== undefined && values.password.length < 8) {
    console.error("The password must have at least 8 characters.");
    process.exit(2);
  }
  const password = values.password ?? randomBytes(12).toString("base64url");
  // The same embedded database `pnpm start` uses (.data/ at the repository root) when DATABASE_URL is unset.
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
  const database = await createDatabase(process.env.DATABASE_URL || undefined, { cwd: repoRoot });
  try {
    await migrate(database);
    const org = await seedOrganisation(database.db, {
      name: values.org,
      people: [{ key: "admin", name: values.name, email: values.email, roles: ["admin"] }],
      password,
    });
    console.log(`Created the organisation "${values.org}" (${org.orgId}) with its admin ${values.email}.`);
    if (!values.password) console.log(`Their password: ${password}  (shown once: keep it safe)`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
