// Benchmarks, run with `pnpm bench`: importing 5,000 generated people through the real procedure
// (people.import) on in-memory PGlite, as the dry run, the apply, and a second identical apply.
// Target: the apply of 5,000 rows in under 30 s. Exits non-zero when a target is missed.
import { performance } from "node:perf_hooks";
import { createCaller, createContextFor, seedOrganisation } from "@fivefold/api";
import { createDatabase, migrate } from "@fivefold/db";
import { toCsv } from "@fivefold/domain";

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 5_000);
const TARGET_MS = 30_000;

/** A five-way reporting tree under the admin, 100 teams, one manager in five, a coach in fifty. */
function generatePeopleCsv(rows: number, managers = Math.ceil(rows / 5), domain = "bench.test"): string {
  const lines: string[][] = [["name", "email", "manager_email", "team", "roles"]];
  for (let i = 0; i < rows; i++) {
    const manager = i === 0 ? `admin@${domain}` : `person${Math.floor((i - 1) / 5)}@${domain}`;
    const roles = [i < managers ? "manager" : "", i % 50 === 0 ? "coach" : ""].filter(Boolean).join("|");
    lines.push([`Person ${i}, Generated`, `person${i}@${domain}`, manager, `Team ${i % 100}`, roles]);
  }
  return toCsv(lines);
}

async function timed<T>(
  label: string,
  run: () => Promise<T>,
): Promise<{ label: string; ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { label, ms: performance.now() - start, result };
}

async function main(): Promise<void> {
  const database = await createDatabase("pglite://memory");
  await migrate(database);
  const org = await seedOrganisation(database.db, {
    name: "Bench",
    password: "bench-password",
    people: [{ key: "admin", name: "Bench Admin", email: "admin@bench.test", roles: ["admin"] }],
  });
  const admin = createCaller(
    createContextFor(
      {
        ...database,
        appUrl: "http://bench.test",
        mailboxEnabled: true,
        sealingSecret: "bench-sealing-secret",
      },
      org.people.admin?.userId ?? null,
    ),
  );
  const csv = generatePeopleCsv(ROWS);
  console.log(
    `people.import of ${ROWS} generated rows (${(csv.length / 1024).toFixed(0)} KB) on PGlite in memory`,
  );

  const dry = await timed("dry run (check)", () => admin.people.import({ csv, dryRun: true }));
  const apply = await timed("apply (create all)", () => admin.people.import({ csv, dryRun: false }));
  const again = await timed("apply again (all unchanged)", () => admin.people.import({ csv, dryRun: false }));
  // One in ten renamed, and a full import without the last 5 %: updates and deactivations.
  const changed = generatePeopleCsv(Math.floor(ROWS * 0.95), Math.ceil(ROWS / 5)).replace(
    /Person (\d*0), Generated/g,
    "Person $1, Renamed",
  );
  const full = await timed("full import (10 % renamed, 5 % deactivated)", () =>
    admin.people.import({ csv: changed, dryRun: false, deactivateMissing: true }),
  );

  for (const run of [dry, apply, again, full]) {
    const s = run.result.summary;
    console.log(
      `  ${run.label.padEnd(46)} ${(run.ms / 1000).toFixed(2).padStart(6)} s   ` +
        `create ${s.create}, update ${s.update}, unchanged ${s.unchanged}, reject ${s.reject}, deactivate ${s.deactivate}`,
    );
  }
  await database.close();

  const failures: string[] = [];
  if (apply.result.summary.create !== ROWS)
    failures.push(`expected ${ROWS} created, got ${apply.result.summary.create}`);
  if (again.result.summary.unchanged !== ROWS) failures.push("the second apply was not all unchanged");
  if (apply.ms > TARGET_MS) failures.push(`the apply took ${(apply.ms / 1000).toFixed(1)} s (target < 30 s)`);
  if (failures.length > 0) {
    console.error(`FAILED: ${failures.join("; ")}`);
    process.exit(1);
  }
  console.log(
    `OK: ${ROWS} rows applied in ${(apply.ms / 1000).toFixed(2)} s (target < ${TARGET_MS / 1000} s)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
