// `pnpm test:faults`: the full fault suite against the built server on the local Postgres (each run
// creates and drops its own database) and on an embedded folder, printing one table. Bounded in
// time; exits non-zero when a promise did not hold. FIVEFOLD_FAULTS_SCALE=quick for the short one.
import { availableParallelism } from "node:os";
import { postgresAdminUrl, type Scale } from "./lib/settings";
import { machineLoad, runSuite } from "./suite";

const scale: Scale = process.env.FIVEFOLD_FAULTS_SCALE === "quick" ? "quick" : "full";
const started = performance.now();
console.log(`Fault suite (${scale}) on ${availableParallelism()} cores, ${machineLoad()}`);
const deadline = setTimeout(() => {
  console.error("The fault suite did not finish within 15 minutes");
  process.exit(2);
}, 15 * 60_000);
deadline.unref();
const { results, table } = await runSuite({ scale, adminUrl: postgresAdminUrl(true) });
console.log(`\n${table}\n`);
console.log(`Finished in ${((performance.now() - started) / 1000).toFixed(0)} s; ${machineLoad()}`);
const failed = results.filter((r) => r.failures.length > 0);
process.exit(failed.length === 0 ? 0 : 1);
