// seedLargeOrganisation(): one new, realistic organisation of any size, for benchmarks and scale
// checks (`pnpm seed:large`). Everything is decided from the seed, then written in multi-row
// inserts, a transaction per batch; the reports come from the real aggregation. A run that fails
// removes what it wrote.
import { type Database, findOrganisationByName, schema } from "@fivefold/db";
import { getInstrument, type Instrument, releasePolicy } from "@fivefold/domain";
import { hashPassword } from "better-auth/crypto";
import { count, eq, like, sql } from "drizzle-orm";
import { createAnswerModel } from "./answers";
import { cycleCalendar, minimumGapDays } from "./calendar";
import { emailDomainFor } from "./names";
import { type LargeOrganisationShape, planOrganisation } from "./people";
import { type GeneratedPlan, generatePlanFor } from "./plans";
import { createRandom } from "./random";
import { type CycleContext, type GeneratedRequest, generateRequest } from "./requests";
import { insertMany } from "./writer";

/** The password every generated person signs in with, unless `--password` says otherwise. */
export const DEFAULT_LARGE_PASSWORD = "fivefold-large";
export const MIN_PEOPLE = 50;
export const MAX_PEOPLE = 200_000;
export const MAX_CYCLES = 10;
const PEOPLE_PER_BATCH = 2_000;
const SUBJECTS_PER_BATCH = 200;
const SNAPSHOTS_PER_STATEMENT = 250;
const YIELD_EVERY = 10;

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

export interface LargeSeedCounts {
  people: number;
  requests: number;
  responses: number;
  snapshots: number;
  plans: number;
  checkins: number;
}

export interface LargeSeedProgress {
  /** What is being written, e.g. "people" or "Autumn 2026". */
  stage: string;
  done: number;
  total: number;
  counts: LargeSeedCounts;
  elapsedMs: number;
}

export interface SignIn {
  email: string;
  name: string;
}

export interface LargeOrganisationSummary {
  orgId: string;
  name: string;
  emailDomain: string;
  password: string;
  elapsedMs: number;
  cycles: Array<{ name: string; released: number; insufficient: number }>;
  /** Rows per table for this organisation (user and account: its people's sign-ins). */
  tables: Record<string, number>;
  signIns: {
    admin: SignIn;
    coach: SignIn & { teams: number };
    manager: SignIn & { teamSize: number };
    subject: SignIn & { requestId: string };
  };
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
  const cycleCount = options.cycles ?? 2;
  const name = options.name ?? defaultLargeOrganisationName(options.people);
  const day = options.now ?? new Date();
  const now = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const emailDomain = emailDomainFor(name);

  const existing = await findOrganisationByName(db, name);
  if (existing) {
    throw new LargeSeedRefused(
      `An organisation named "${name}" exists already (${existing.id}, created ${existing.createdAt.toISOString().slice(0, 10)}): choose another --name`,
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

  const shape = planOrganisation(createRandom(seed, "organisation"), options.people, emailDomain);
  const calendar = cycleCalendar(cycleCount, now);
  const [org] = await db.insert(schema.organisations).values({ name }).returning();
  if (!org) throw new Error("organisation insert returned nothing");

  const counts: LargeSeedCounts = {
    people: 0,
    requests: 0,
    responses: 0,
    snapshots: 0,
    plans: 0,
    checkins: 0,
  };
  const report = (stage: string, done: number, total: number) =>
    options.onProgress?.({
      stage,
      done,
      total,
      counts: { ...counts },
      elapsedMs: performance.now() - started,
    });

  // One batch is written while the next is computed: Postgres works in its own process meanwhile.
  let writing: Promise<void> = Promise.resolve();
  try {
    // Rule 10 compares a release with the subject's earlier ones inside the window; the calendar keeps
    // its rounds further apart than that, so each release is computed without history, as here.
    if (minimumGapDays(calendar) <= org.historyWindowDays) {
      throw new Error(`the cycles are closer than the ${org.historyWindowDays}-day comparison window`);
    }
    await writePeople(db, org.id, seed, shape, await hashPassword(options.password), (done) => {
      counts.people = done;
      report("people", done, shape.people.length);
    });
    const instrument = getInstrument();
    const model = createAnswerModel(seed, instrument);
    const cycleRows = calendar.length
      ? await db
          .insert(schema.cycles)
          .values(
            calendar.map((c) => ({ orgId: org.id, name: c.name, startsOn: c.startsOn, endsOn: c.endsOn })),
          )
          .returning({ id: schema.cycles.id, name: schema.cycles.name })
      : [];
    const cycleResults: LargeOrganisationSummary["cycles"] = [];
    let subjectSignIn: { index: number; requestId: string; score: number } | null = null;

    for (const [step, dates] of calendar.entries()) {
      const cycleId = cycleRows.find((row) => row.name === dates.name)?.id;
      if (!cycleId) throw new Error(`cycle ${dates.name} was not written`);
      const ctx: CycleContext = {
        orgId: org.id,
        cycleId,
        step,
        dates,
        seed,
        shape,
        model,
        instrument,
        threshold: org.anonymityThreshold,
        policy: releasePolicy(org, org.anonymityThreshold),
      };
      const latest = step === calendar.length - 1;
      const tally = { name: dates.name, released: 0, insufficient: 0 };
      for (let start = 0; start < shape.people.length; start += SUBJECTS_PER_BATCH) {
        const requests: GeneratedRequest[] = [];
        const plans: GeneratedPlan[] = [];
        const end = Math.min(shape.people.length, start + SUBJECTS_PER_BATCH);
        for (let subject = start; subject < end; subject++) {
          // Let the previous batch's statements go out while this one is computed.
          if (subject % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
          const generated = generateRequest(ctx, subject);
          if (!generated) continue;
          requests.push(generated);
          if (!generated.snapshot) {
            tally.insufficient++;
            continue;
          }
          tally.released++;
          const plan = generatePlanFor(
            { orgId: org.id, seed, shape, now, latest, step },
            {
              subject,
              requestId: generated.request.id,
              snapshot: generated.snapshot,
              releasedAt: dates.closedAt,
            },
          );
          if (plan) plans.push(plan);
          // The subject to suggest: someone without reports whose latest report grew into a busy plan.
          const score =
            (latest ? 2 : 0) +
            (plan?.checkins.length ? 1 : 0) +
            (shape.people[subject]?.reports.length ? 0 : 1);
          if (!subjectSignIn || score > subjectSignIn.score) {
            subjectSignIn = { index: subject, requestId: generated.request.id, score };
          }
        }
        await writing;
        writing = writeCycleBatch(db, instrument, requests, plans).then(() => {
          counts.requests += requests.length;
          counts.responses += requests.reduce((n, r) => n + r.responses.length, 0);
          counts.snapshots += requests.filter((r) => r.snapshot).length;
          counts.plans += plans.length;
          counts.checkins += plans.reduce((n, p) => n + p.checkins.length, 0);
          report(dates.name, end, shape.people.length);
        });
        // Awaited before the next batch is written; until then a failure must not count as unhandled.
        writing.catch(() => {});
      }
      cycleResults.push(tally);
    }
    await writing;

    const person = (index: number | undefined) => {
      const p = index === undefined ? undefined : shape.people[index];
      if (!p) throw new Error("a suggested sign-in is missing");
      return { email: p.email, name: p.name };
    };
    const teamsOfCoach = (c: number) => shape.teams.filter((t) => t.coaches.includes(c)).length;
    const coach = [...shape.coaches].sort((a, b) => teamsOfCoach(b) - teamsOfCoach(a))[0];
    const manager = shape.people
      .filter((p) => p.depth > 0 && p.reports.length > 0)
      .sort((a, b) => b.reports.length - a.reports.length)[0];
    const summary: LargeOrganisationSummary = {
      orgId: org.id,
      name,
      emailDomain,
      password: options.password,
      elapsedMs: performance.now() - started,
      cycles: cycleResults,
      tables: await countRows(db, org.id),
      signIns: {
        admin: person(shape.admins[0]),
        coach: { ...person(coach), teams: coach === undefined ? 0 : teamsOfCoach(coach) },
        manager: { ...person(manager?.index), teamSize: (manager?.reports.length ?? 0) + 1 },
        subject: {
          ...person(subjectSignIn?.index ?? shape.people.length - 1),
          requestId: subjectSignIn?.requestId ?? "",
        },
      },
    };
    report("done", 1, 1);
    return summary;
  } catch (error) {
    await writing.catch(() => {});
    await removeOrganisation(db, org.id, emailDomain);
    throw error;
  }
}

async function writePeople(
  db: Database,
  orgId: string,
  seed: number,
  shape: LargeOrganisationShape,
  passwordHash: string,
  onBatch: (done: number) => void,
): Promise<void> {
  // Everyone's manager comes before them in `shape.people`, so one pass sets the reporting lines.
  for (let start = 0; start < shape.people.length; start += PEOPLE_PER_BATCH) {
    const batch = shape.people.slice(start, start + PEOPLE_PER_BATCH);
    await db.transaction(async (tx) => {
      await insertMany(
        tx,
        schema.user,
        batch.map((p) => ({ id: p.userId, name: p.name, email: p.email, emailVerified: true })),
      );
      await insertMany(
        tx,
        schema.account,
        batch.map((p) => ({
          id: p.userId,
          accountId: p.userId,
          providerId: "credential",
          userId: p.userId,
          password: passwordHash,
        })),
      );
      await insertMany(
        tx,
        schema.people,
        batch.map((p) => ({
          id: p.id,
          orgId,
          userId: p.userId,
          name: p.name,
          email: p.email,
          managerId: p.managerIndex === null ? null : (shape.people[p.managerIndex]?.id ?? null),
        })),
      );
    });
    onBatch(start + batch.length);
  }
  const id = (index: number) => shape.people[index]?.id ?? "";
  await db.transaction(async (tx) => {
    await insertMany(
      tx,
      schema.personRoles,
      shape.people.flatMap((p) =>
        (["member", ...p.roles] as const).map((role) => ({ orgId, personId: p.id, role })),
      ),
    );
  });
  await db.transaction(async (tx) => {
    await insertMany(
      tx,
      schema.teams,
      shape.teams.map((t) => ({ id: t.id, orgId, name: t.name })),
    );
    await insertMany(
      tx,
      schema.teamMembers,
      shape.teams.flatMap((t) => t.members.map((m) => ({ orgId, teamId: t.id, personId: id(m) }))),
    );
    await insertMany(
      tx,
      schema.teamCoaches,
      shape.teams.flatMap((t) => t.coaches.map((c) => ({ orgId, teamId: t.id, personId: id(c) }))),
    );
  });
  // About one in eight offered to be an accountability partner, some for particular dimensions.
  const random = createRandom(seed, "partner-preferences");
  const dimensions = getInstrument().dimensions.map((d) => d.key);
  await db.transaction(async (tx) => {
    await insertMany(
      tx,
      schema.partnerPreferences,
      shape.people
        .filter(() => random.chance(0.12))
        .map((p) => ({
          personId: p.id,
          orgId,
          optIn: true,
          dimensions: random.chance(0.5) ? [] : random.sample(dimensions, random.int(1, 2)),
        })),
    );
  });
}

async function writeCycleBatch(
  db: Database,
  instrument: Instrument,
  requests: readonly GeneratedRequest[],
  plans: readonly GeneratedPlan[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await insertMany(
      tx,
      schema.feedbackRequests,
      requests.map((r) => r.request),
    );
    await insertMany(
      tx,
      schema.nominations,
      requests.flatMap((r) => r.nominations),
    );
    await insertMany(
      tx,
      schema.invitations,
      requests.flatMap((r) => r.invitations),
    );
    await insertMany(
      tx,
      schema.sealedResponses,
      requests.flatMap((r) => r.responses),
    );
    await insertMany(
      tx,
      schema.reportSnapshots,
      requests.flatMap((r) =>
        r.snapshot
          ? [
              {
                requestId: r.request.id,
                orgId: r.request.orgId,
                snapshot: r.snapshot as unknown as Record<string, unknown>,
                instrumentVersion: instrument.version,
                releasedAt: r.request.closedAt ?? r.request.deadline,
              },
            ]
          : [],
      ),
      SNAPSHOTS_PER_STATEMENT,
    );
    await insertMany(
      tx,
      schema.auditLog,
      requests.flatMap((r) => r.audit),
    );
    await insertMany(
      tx,
      schema.coachingPlans,
      plans.map((p) => p.plan),
    );
    await insertMany(
      tx,
      schema.partnerships,
      plans.flatMap((p) => p.partnerships),
    );
    await insertMany(
      tx,
      schema.checkins,
      plans.flatMap((p) => p.checkins),
    );
    await insertMany(
      tx,
      schema.encouragements,
      plans.flatMap((p) => p.encouragements),
    );
  });
}

const TENANT_TABLES = {
  people: schema.people,
  person_roles: schema.personRoles,
  teams: schema.teams,
  team_members: schema.teamMembers,
  team_coaches: schema.teamCoaches,
  partner_preferences: schema.partnerPreferences,
  cycles: schema.cycles,
  feedback_requests: schema.feedbackRequests,
  nominations: schema.nominations,
  invitations: schema.invitations,
  sealed_responses: schema.sealedResponses,
  report_snapshots: schema.reportSnapshots,
  coaching_plans: schema.coachingPlans,
  partnerships: schema.partnerships,
  checkins: schema.checkins,
  encouragements: schema.encouragements,
  audit_log: schema.auditLog,
} as const;

/** Rows per table for the organisation, counted in the database rather than trusted from memory. */
export async function countRows(db: Database, orgId: string): Promise<Record<string, number>> {
  const tables: Record<string, number> = {};
  const [users] = await db
    .select({ n: count() })
    .from(schema.user)
    .innerJoin(schema.people, eq(schema.people.userId, schema.user.id))
    .where(eq(schema.people.orgId, orgId));
  tables.user = users?.n ?? 0;
  const [accounts] = await db
    .select({ n: count() })
    .from(schema.account)
    .innerJoin(schema.people, eq(schema.people.userId, schema.account.userId))
    .where(eq(schema.people.orgId, orgId));
  tables.account = accounts?.n ?? 0;
  for (const [label, table] of Object.entries(TENANT_TABLES)) {
    const [row] = await db.select({ n: count() }).from(table).where(eq(table.orgId, orgId));
    tables[label] = row?.n ?? 0;
  }
  return tables;
}

async function removeOrganisation(db: Database, orgId: string, emailDomain: string): Promise<void> {
  // Every tenant row goes with the organisation (on delete cascade); sign-ins are not tenant rows.
  await db.delete(schema.organisations).where(eq(schema.organisations.id, orgId));
  await db.delete(schema.user).where(sql`${schema.user.email} like ${`%@${emailDomain}`}`);
}
