#!/usr/bin/env node
// The one test command: lint and format check, typecheck of every package, unit and integration
// tests (PGlite, and Postgres too when TEST_DATABASE_URL is set), the browser journeys, then a
// short smoke of the HTTP benchmark.
// Each step runs even if an earlier one failed, so one run shows every problem; the exit code
// is non-zero if any failed. Reports land in .reports/ for .ci/run to count.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const reports = resolve(root, ".reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", FIVEFOLD_REPORTS_DIR: reports };
const steps = [
  ["lint and format (biome)", "pnpm", ["exec", "biome", "ci", "."]],
  // No drizzle in the services, an output schema on every procedure, no function over 80 lines.
  ["architecture checks", "node", ["scripts/check-architecture.mjs"]],
  [
    "typecheck and tests (turbo)",
    "pnpm",
    [
      "exec",
      "turbo",
      "run",
      "typecheck",
      "test",
      "--filter=!@fivefold/tests",
      "--concurrency=2",
      "--continue",
      "--output-logs=full",
    ],
  ],
  // The quick fault suite kills and starts servers against timing promises (no call hangs, a drain
  // finishes): it runs alone rather than beside the integration tests on two cores.
  [
    "fault suite, quick (tests/faults)",
    "pnpm",
    ["exec", "turbo", "run", "typecheck", "test", "--filter=@fivefold/tests", "--output-logs=full"],
  ],
  ["browser journeys (playwright)", "node", ["tests/run-e2e.mjs"]],
  // Fails only on a broken harness, never on a timing; bounded by its own deadline (5 min) and by
  // the timeout below.
  ["HTTP benchmark smoke (bench:http --smoke)", "pnpm", ["bench:http", "--smoke"], 6 * 60_000],
];

console.log(
  process.env.TEST_DATABASE_URL
    ? "Integration tests run on PGlite and on Postgres (TEST_DATABASE_URL is set)."
    : "Integration tests run on PGlite only; set TEST_DATABASE_URL=postgres://… to run them on Postgres too.",
);
const failed = [];
for (const [name, command, args, timeout] of steps) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env,
    timeout,
    killSignal: "SIGTERM",
  });
  if (result.status !== 0) failed.push(name);
}
console.log(failed.length === 0 ? "\nAll steps passed." : `\nFailed: ${failed.join("; ")}`);
process.exit(failed.length === 0 ? 0 : 1);
