// Shared vitest settings: every package writes a JSON report so .ci/run can sum the counts, and
// database tests run once on in-memory PGlite and again on Postgres when TEST_DATABASE_URL is set.
import { resolve } from "node:path";

const reportsDir = process.env.FIVEFOLD_REPORTS_DIR ?? resolve(import.meta.dirname, ".reports");

export function reporters(name: string): Array<string | [string, Record<string, unknown>]> {
  return ["default", ["json", { outputFile: resolve(reportsDir, `vitest-${name}.json`) }]];
}

export function databaseProjects() {
  const drivers = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  return drivers.map((driver) => ({
    extends: true as const,
    test: { name: driver, env: { FIVEFOLD_TEST_DRIVER: driver } },
  }));
}

/**
 * PGlite takes seconds to start when turbo runs packages in parallel, and seeding the demo takes
 * 20–30 s on a busy 2-core machine: room to finish, not retries that would hide a real hang.
 */
export const databaseTimeouts = { testTimeout: 60_000, hookTimeout: 120_000 };
