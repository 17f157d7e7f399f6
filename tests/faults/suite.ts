// Runs every scenario once, in order, and returns one row each. The Postgres ones share a database
// created for this run and dropped afterwards; without Postgres they are skipped with the reason.
import { loadavg, uptime } from "node:os";
import { formatTable, type ScenarioResult } from "./lib/report";
import { type Scale, SIZES } from "./lib/settings";
import {
  backendTerminations,
  contendedSubmits,
  embeddedKill,
  gracefulStop,
  PostgresRun,
  type RunContext,
  steadyLoad,
  workerKill,
} from "./scenarios";

const POSTGRES_SCENARIOS = [
  ["steady load", steadyLoad],
  ["contended submits", contendedSubmits],
  ["backend terminations", backendTerminations],
  ["worker kill", workerKill],
  ["graceful stop", gracefulStop],
] as const;

/** The figures `uptime` prints, for the record of how busy the machine was. */
export function machineLoad(): string {
  return `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(", ")} (up ${Math.round(uptime() / 60)} min)`;
}

export async function runSuite(options: {
  scale: Scale;
  adminUrl: string | null;
  log?: (message: string) => void;
}): Promise<{ results: ScenarioResult[]; table: string }> {
  const log = options.log ?? ((message: string) => console.log(message));
  const ctx: RunContext = { sizes: SIZES[options.scale], log };
  const results: ScenarioResult[] = [];
  const attempt = async (name: string, run: () => Promise<ScenarioResult>) => {
    const started = performance.now();
    log(`▶ ${name}`);
    try {
      results.push(await run());
    } catch (error) {
      results.push({
        scenario: name,
        requests: 0,
        errors: 0,
        lost: 0,
        doubled: 0,
        recovery: "-",
        failures: [`crashed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`],
        notes: error instanceof Error ? (error.stack?.split("\n").slice(0, 3).join(" ") ?? "") : "",
      });
    }
    log(`  ${name} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  if (options.adminUrl) {
    const run = await PostgresRun.create(options.adminUrl, ctx.sizes, log);
    try {
      for (const [name, scenario] of POSTGRES_SCENARIOS) await attempt(name, () => scenario(run, ctx));
    } finally {
      await run.close();
    }
  } else {
    for (const [name] of POSTGRES_SCENARIOS) {
      results.push({
        scenario: name,
        requests: 0,
        errors: 0,
        lost: 0,
        doubled: 0,
        recovery: "-",
        failures: [],
        notes: "",
        skipped: "TEST_DATABASE_URL is not set (these need Postgres)",
      });
    }
  }
  await attempt("embedded database", () => embeddedKill(ctx));
  return { results, table: formatTable(results) };
}
