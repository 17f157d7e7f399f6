// Generates one large, realistic organisation for benchmarks and scale checks, on Postgres or the
// embedded database, after migrating it. Usage:
//   pnpm seed:large [--people 10000] [--cycles 2] [--seed 1] [--name "Large Org 10000"] [--password …]
//                   [--today YYYY-MM-DD]   (the day it is generated on: cycles and plans end before it)
// Progress goes to stderr; the summary (counts, sign-ins, the shared password) to stdout.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createDatabase, migrate } from "@fivefold/db";
import { readEnv } from "../env";
import {
  DEFAULT_LARGE_PASSWORD,
  defaultLargeOrganisationName,
  type LargeOrganisationSummary,
  type LargeSeedProgress,
  LargeSeedRefused,
  seedLargeOrganisation,
} from "../seed/large";

const USAGE =
  'Usage: pnpm seed:large [--people 10000] [--cycles 2] [--seed 1] [--name "Large Org 10000"] [--password fivefold-large] [--today YYYY-MM-DD]';

const number = (value: number) => value.toLocaleString("en-GB");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function wholeNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) {
    console.error(`--${flag} must be a whole number, got "${value}"\n${USAGE}`);
    process.exit(2);
  }
  return Number(value);
}

/** A bar redrawn in place on a terminal; a line every few seconds (and per stage) otherwise. */
function progressPrinter(stream: NodeJS.WriteStream) {
  let lastStage = "";
  let lastLine = 0;
  return (p: LargeSeedProgress) => {
    const c = p.counts;
    const width = 24;
    const filled = p.total === 0 ? width : Math.round((width * p.done) / p.total);
    const line =
      `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${p.stage.padEnd(11)} ${number(p.done)}/${number(p.total)}` +
      ` · people ${number(c.people)} · requests ${number(c.requests)} · responses ${number(c.responses)}` +
      ` · snapshots ${number(c.snapshots)} · plans ${number(c.plans)} · ${seconds(p.elapsedMs)}`;
    if (stream.isTTY) {
      stream.write(`\r${line}${p.stage === "done" ? "\n" : ""}`);
      return;
    }
    const stageEnds = p.done === p.total;
    if (stageEnds || p.stage !== lastStage || p.elapsedMs - lastLine > 5_000) {
      stream.write(`${line}\n`);
      lastLine = p.elapsedMs;
      lastStage = p.stage;
    }
  };
}

function printSummary(summary: LargeOrganisationSummary, where: string): void {
  const out = (line = "") => console.log(line);
  out(`Created "${summary.name}" (${summary.orgId}) on ${where} in ${seconds(summary.elapsedMs)}.`);
  for (const cycle of summary.cycles) {
    out(`  ${cycle.name}: ${number(cycle.released)} released, ${number(cycle.insufficient)} insufficient`);
  }
  out("Rows:");
  for (const [table, n] of Object.entries(summary.tables))
    out(`  ${table.padEnd(20)} ${number(n).padStart(9)}`);
  const { admin, coach, manager, subject } = summary.signIns;
  out(`Sign in as (every person of ${summary.name} has the password "${summary.password}"):`);
  out(`  admin    ${admin.email}`);
  out(`  coach    ${coach.email} (coaches ${coach.teams} teams)`);
  out(`  manager  ${manager.email} (a team of ${manager.teamSize})`);
  out(`  subject  ${subject.email} (a released report: /reports/${subject.requestId})`);
  out(`Password: ${summary.password}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      people: { type: "string" },
      cycles: { type: "string" },
      seed: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
      today: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const people = wholeNumber("people", values.people, 10_000);
  const cycles = wholeNumber("cycles", values.cycles, 2);
  const seed = wholeNumber("seed", values.seed, 1);
  const name = values.name?.trim() || defaultLargeOrganisationName(people);
  const today = values.today === undefined ? new Date() : new Date(`${values.today}T00:00:00.000Z`);
  if (Number.isNaN(today.getTime())) {
    console.error(`--today must be a day such as 2026-12-01, got "${values.today}"\n${USAGE}`);
    process.exit(2);
  }
  const env = readEnv([]);
  // The same embedded database `pnpm start` uses (.data/ at the repository root) when DATABASE_URL is unset.
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
  const database = await createDatabase(env.databaseUrl, { cwd: repoRoot });
  try {
    await migrate(database);
    const summary = await seedLargeOrganisation(database.db, {
      people,
      cycles,
      seed,
      name,
      password: values.password ?? DEFAULT_LARGE_PASSWORD,
      now: today,
      onProgress: progressPrinter(process.stderr),
    });
    printSummary(summary, `${database.driver} (${database.location})`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof LargeSeedRefused) {
    console.error(`Refused: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
