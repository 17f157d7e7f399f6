// Benchmarks of the read paths people wait on, run with `pnpm bench` after the import benchmark:
// a coach's dashboard for a 500-person team and a released report, through the real procedures on
// in-memory PGlite with the demo organisation. Targets: median dashboard under 1 s, report under
// 100 ms. Exits non-zero when a target is missed.
import { performance } from "node:perf_hooks";
import { createCaller, createContextFor, seedDemoIfEmpty, seedLargeTeam } from "@fivefold/api";
import { createDatabase, migrate } from "@fivefold/db";

const TEAM = Number(process.env.BENCH_TEAM_SIZE ?? 500);
const RUNS = 15;

async function median(label: string, target: number, run: () => Promise<unknown>): Promise<boolean> {
  await run(); // warm up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = times[Math.floor(times.length / 2)] ?? 0;
  const p90 = times[Math.floor(times.length * 0.9)] ?? 0;
  const ok = mid < target;
  console.log(
    `  ${label.padEnd(44)} median ${mid.toFixed(1).padStart(7)} ms   p90 ${p90.toFixed(1).padStart(7)} ms   target < ${target} ms ${ok ? "" : "MISSED"}`,
  );
  return ok;
}

async function main(): Promise<void> {
  const database = await createDatabase("pglite://memory");
  await migrate(database);
  const seedStart = performance.now();
  const acme = await seedDemoIfEmpty(database.db, { sealingSecret: "bench-sealing-secret" });
  if (!acme) throw new Error("the demo did not seed");
  const teamId = await seedLargeTeam(database.db, acme, TEAM);
  console.log(
    `Demo organisation plus a ${TEAM}-person team seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );
  const as = (key: string) =>
    createCaller(
      createContextFor(
        {
          ...database,
          appUrl: "http://bench.test",
          mailboxEnabled: true,
          sealingSecret: "bench-sealing-secret",
        },
        acme.people[key]?.userId ?? null,
      ),
    );
  const coach = as("coach-1");
  const subject = as("team-1-1");
  const [report] = await subject.reports.list();
  if (!report) throw new Error("the demo has no report for team-1-1");

  console.log(`Reading paths, ${RUNS} runs each after a warm-up, PGlite in memory`);
  const results = [
    await median(`dashboards.team (${TEAM} people)`, 1_000, () => coach.dashboards.team({ teamId })),
    await median("dashboards.team (Platform Engineering, 8 people)", 200, () =>
      coach.dashboards.team({ teamId: acme.teams["Platform Engineering"] ?? "" }),
    ),
    await median("reports.get (with a two-cycle trend)", 100, () =>
      subject.reports.get({ requestId: report.requestId }),
    ),
    await median("reports.list (coach of three teams)", 100, () => coach.reports.list()),
  ];
  await database.close();
  if (results.some((ok) => !ok)) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
