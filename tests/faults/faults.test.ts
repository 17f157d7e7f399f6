// The one-minute fault suite inside `pnpm test`: every scenario of `pnpm test:faults`, smaller.
// The Postgres scenarios need TEST_DATABASE_URL (set in CI) and are skipped, saying so, without it.
import { expect, it } from "vitest";
import { postgresAdminUrl } from "./lib/settings";
import { machineLoad, runSuite } from "./suite";

it("keeps every promise of the fault suite (quick)", async () => {
  const adminUrl = postgresAdminUrl(false);
  if (!adminUrl) console.log("Fault suite: the Postgres scenarios are skipped: TEST_DATABASE_URL is not set");
  const { results, table } = await runSuite({ scale: "quick", adminUrl, log: () => {} });
  console.log(`Fault suite (quick), ${machineLoad()}\n${table}`);
  expect(results.flatMap((r) => r.failures.map((f) => `${r.scenario}: ${f}`))).toEqual([]);
}, 240_000);
