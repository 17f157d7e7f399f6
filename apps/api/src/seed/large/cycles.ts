// The released cycles of the large organisation: for each cycle, subjects in batches of
// SUBJECTS_PER_BATCH, each batch's requests, reports and plans generated in memory and written in
// one transaction while the next batch is computed (Postgres works in its own process meanwhile).
import { type Database, schema } from "@fivefold/db";
import { type Instrument, releasePolicy } from "@fivefold/domain";
import { freezeCycleView } from "../../services/analytics/frozen";
import type { AnswerModel } from "./answers";
import type { CycleDates } from "./calendar";
import type { LargeOrganisationShape } from "./people";
import { type GeneratedPlan, generatePlanFor } from "./plans";
import type { ProgressTracker } from "./progress";
import { type CycleContext, type GeneratedRequest, generateRequest } from "./requests";
import { type SubjectCandidate, subjectScore } from "./sign-ins";
import { insertMany } from "./writer";

const SUBJECTS_PER_BATCH = 200;
const SNAPSHOTS_PER_STATEMENT = 250;
const YIELD_EVERY = 10;

type Organisation = typeof schema.organisations.$inferSelect;

export interface CycleTally {
  name: string;
  released: number;
  insufficient: number;
}

/** Everything the cycles share, and the write in flight (awaited before the next one starts). */
export interface CycleRun {
  db: Database;
  org: Organisation;
  seed: number;
  shape: LargeOrganisationShape;
  now: Date;
  instrument: Instrument;
  model: AnswerModel;
  progress: ProgressTracker;
  /** The batch being written; a failure surfaces where it is awaited. */
  writing: Promise<void>;
  /** The best subject to suggest signing in as, so far. */
  subject: SubjectCandidate | null;
}

/** Writes the cycles' rows, then every cycle's requests in calendar order; returns each one's tally. */
export async function seedCycles(run: CycleRun, calendar: readonly CycleDates[]): Promise<CycleTally[]> {
  const { db, org } = run;
  const cycleRows = calendar.length
    ? await db
        .insert(schema.cycles)
        .values(
          calendar.map((c) => ({ orgId: org.id, name: c.name, startsOn: c.startsOn, endsOn: c.endsOn })),
        )
        .returning({ id: schema.cycles.id, name: schema.cycles.name })
    : [];
  const tallies: CycleTally[] = [];
  for (const [step, dates] of calendar.entries()) {
    const cycleId = cycleRows.find((row) => row.name === dates.name)?.id;
    if (!cycleId) throw new Error(`cycle ${dates.name} was not written`);
    const ctx: CycleContext = {
      orgId: org.id,
      cycleId,
      step,
      dates,
      seed: run.seed,
      shape: run.shape,
      model: run.model,
      instrument: run.instrument,
      threshold: org.anonymityThreshold,
      policy: releasePolicy(org, org.anonymityThreshold),
    };
    tallies.push(await seedCycle(run, ctx, step === calendar.length - 1));
  }
  await run.writing;
  // Each released cycle's organisation view is frozen, as a release in the app freezes it.
  for (const row of cycleRows) await freezeCycleView({ db }, { id: row.id, orgId: org.id });
  return tallies;
}

async function seedCycle(run: CycleRun, ctx: CycleContext, latest: boolean): Promise<CycleTally> {
  const tally = { name: ctx.dates.name, released: 0, insufficient: 0 };
  const people = run.shape.people.length;
  for (let start = 0; start < people; start += SUBJECTS_PER_BATCH) {
    const end = Math.min(people, start + SUBJECTS_PER_BATCH);
    const batch = await generateBatch(run, ctx, { start, end, latest }, tally);
    await run.writing;
    run.writing = writeCycleBatch(run.db, run.instrument, batch.requests, batch.plans).then(() => {
      countWritten(run.progress, batch.requests, batch.plans);
      run.progress.report(ctx.dates.name, end, people);
    });
    // Awaited before the next batch is written; until then a failure must not count as unhandled.
    run.writing.catch(() => {});
  }
  return tally;
}

/** The requests of subjects `start` to `end` (excluded), and plans from some of their reports. */
async function generateBatch(
  run: CycleRun,
  ctx: CycleContext,
  range: { start: number; end: number; latest: boolean },
  tally: CycleTally,
): Promise<{ requests: GeneratedRequest[]; plans: GeneratedPlan[] }> {
  const { latest } = range;
  const requests: GeneratedRequest[] = [];
  const plans: GeneratedPlan[] = [];
  for (let subject = range.start; subject < range.end; subject++) {
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
      { orgId: run.org.id, seed: run.seed, shape: run.shape, now: run.now, latest, step: ctx.step },
      {
        subject,
        requestId: generated.request.id,
        snapshot: generated.snapshot,
        releasedAt: ctx.dates.closedAt,
      },
    );
    if (plan) plans.push(plan);
    const score = subjectScore(run.shape, subject, latest, plan?.checkins.length ?? 0);
    if (!run.subject || score > run.subject.score) {
      run.subject = { index: subject, requestId: generated.request.id, score };
    }
  }
  return { requests, plans };
}

function countWritten(
  progress: ProgressTracker,
  requests: readonly GeneratedRequest[],
  plans: readonly GeneratedPlan[],
): void {
  const { counts } = progress;
  counts.requests += requests.length;
  counts.responses += requests.reduce((n, r) => n + r.responses.length, 0);
  counts.snapshots += requests.filter((r) => r.snapshot).length;
  counts.plans += plans.length;
  counts.checkins += plans.reduce((n, p) => n + p.checkins.length, 0);
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
