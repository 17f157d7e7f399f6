// seedLargeOrganisation(): one new, realistic organisation of any size, for benchmarks and scale
// checks (`pnpm seed:large`). Everything is decided from the seed, then written in multi-row
// inserts, a transaction per batch; the reports come from the real aggregation. A run that fails
// removes what it wrote.
import { type Database, findOrganisationByName, refreshPlannerStatistics, schema } from "@fivefold/db";
import { getInstrument, isoDay } from "@fivefold/domain";
import { hashPassword } from "better-auth/crypto";
import { like } from "drizzle-orm";
import { createAnswerModel } from "./answers";
import { cycleCalendar, minimumGapDays } from "./calendar";
import { type CycleRun, type CycleTally, seedCycles } from "./cycles";
import { emailDomainFor } from "./names";
import { planOrganisation } from "./people";
import { type LargeSeedProgress, trackProgress } from "./progress";
import { createRandom } from "./random";
import { countRows, removeOrganisation } from "./rows";
import { type SuggestedSignIns, suggestSignIns } from "./sign-ins";
import { writePeople } from "./write-people";

export type { LargeSeedCounts, LargeSeedProgress } from "./progress";
export type { SignIn } from "./sign-ins";
export { countRows };

/** The password every generated person signs in with, unless `--password` says otherwise. */
export const DEFAULT_LARGE_PASSWORD = "fivefold-large";
export const MIN_PEOPLE = 50;
export const MAX_PEOPLE = 200_000;
export const MAX_CYCLES = 10;

export interface LargeOrganisationOptions {
  people: number;
  cycles?: number;
  seed?: number;
  name?: string;
  /** Every person signs in with this password (hashed once: see docs/performance.md). */
  password: string;
  /**
   * The day the organisation is generated on (default today): the calendar ends at the latest cycle
   * that closed four weeks before it, and plans and check-ins run up to its start. Only its day
   * counts, so the same seed gives the same organisation all day long.
   */
  now?: Date;
  onProgress?: (progress: LargeSeedProgress) => void;
}

export interface LargeOrganisationSummary {
  orgId: string;
  name: string;
  emailDomain: string;
  password: string;
  elapsedMs: number;
  cycles: CycleTally[];
  /** Rows per table for this organisation (user and account: its people's sign-ins). */
  tables: Record<string, number>;
  signIns: SuggestedSignIns;
}

export class LargeSeedRefused extends Error {}

export function defaultLargeOrganisationName(people: number): string {
  return `Large Org ${people}`;
}

function checkOptions(options: LargeOrganisationOptions): void {
  const { people, cycles = 2 } = options;
  if (!Number.isInteger(people) || people < MIN_PEOPLE || people > MAX_PEOPLE) {
    throw new LargeSeedRefused(`--people must be a whole number from ${MIN_PEOPLE} to ${MAX_PEOPLE}`);
  }
  if (!Number.isInteger(cycles) || cycles < 0 || cycles > MAX_CYCLES) {
    throw new LargeSeedRefused(`--cycles must be a whole number from 0 to ${MAX_CYCLES}`);
  }
  if (options.password.length < 8) throw new LargeSeedRefused("the password must have at least 8 characters");
}

export async function seedLargeOrganisation(
  db: Database,
  options: LargeOrganisationOptions,
): Promise<LargeOrganisationSummary> {
  checkOptions(options);
  const started = performance.now();
  const seed = options.seed ?? 1;
  const name = options.name ?? defaultLargeOrganisationName(options.people);
  const day = options.now ?? new Date();
  const now = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const emailDomain = emailDomainFor(name);
  await refuseTakenName(db, name, emailDomain);

  const shape = planOrganisation(createRandom(seed, "organisation"), options.people, emailDomain);
  const calendar = cycleCalendar(options.cycles ?? 2, now);
  const [org] = await db.insert(schema.organisations).values({ name }).returning();
  if (!org) throw new Error("organisation insert returned nothing");
  const progress = trackProgress(options.onProgress, started);

  let run: CycleRun | null = null;
  try {
    // Rule 10 compares a release with the subject's earlier ones inside the window; the calendar keeps
    // its rounds further apart than that, so each release is computed without history, as here.
    if (minimumGapDays(calendar) <= org.historyWindowDays) {
      throw new Error(`the cycles are closer than the ${org.historyWindowDays}-day comparison window`);
    }
    await writePeople(db, org.id, seed, shape, await hashPassword(options.password), (done) => {
      progress.counts.people = done;
      progress.report("people", done, shape.people.length);
    });
    const instrument = getInstrument();
    const model = createAnswerModel(seed, instrument);
    // One batch is written while the next is computed: Postgres works in its own process meanwhile.
    run = {
      db,
      org,
      seed,
      shape,
      now,
      instrument,
      model,
      progress,
      writing: Promise.resolve(),
      subject: null,
    };
    const cycles = await seedCycles(run, calendar);
    // A database that has run for a while has its statistics from autovacuum; one just filled with
    // a whole organisation has none yet, and plans its queries as if the tables were empty.
    await refreshPlannerStatistics(db);
    const elapsedMs = performance.now() - started;
    const tables = await countRows(db, org.id);
    const summary: LargeOrganisationSummary = {
      orgId: org.id,
      name,
      emailDomain,
      password: options.password,
      elapsedMs,
      cycles,
      tables,
      signIns: suggestSignIns(shape, run.subject),
    };
    progress.report("done", 1, 1);
    return summary;
  } catch (error) {
    await run?.writing.catch(() => {});
    await removeOrganisation(db, org.id, emailDomain);
    throw error;
  }
}

/** Refuses a name already taken, or one whose e-mail domain already has sign-ins. */
async function refuseTakenName(db: Database, name: string, emailDomain: string): Promise<void> {
  const existing = await findOrganisationByName(db, name);
  if (existing) {
    throw new LargeSeedRefused(
      `An organisation named "${name}" exists already (${existing.id}, created ${isoDay(existing.createdAt)}): choose another --name`,
    );
  }
  const [taken] = await db
    .select({ email: schema.user.email })
    .from(schema.user)
    .where(like(schema.user.email, `%@${emailDomain}`))
    .limit(1);
  if (taken) {
    throw new LargeSeedRefused(
      `Sign-ins at @${emailDomain} exist already (${taken.email}), so "${name}" cannot have its own addresses: choose another --name`,
    );
  }
}
