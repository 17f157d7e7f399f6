// Bulk release (issues 15 and 16): a cycle of answered requests released through the real
// procedure (`cycles.release`), against the domain's aggregation alone over the same answers. On a
// generated organisation (`seedLargeOrganisation`, no earlier cycles) the benchmark writes one held
// request per person (`BENCH_RELEASE_REQUESTS`; default 10,000 on Postgres from TEST_DATABASE_URL,
// 2,000 on in-memory PGlite, whose memory holds ~2 GB of 32 KiB envelopes badly), each with the
// subject and five peers who answered, sealed as a submit seals them. Targets: 10,000 released in
// ≤ 60 s, and ≤ 2 × the aggregation alone per request. Exits non-zero when a target is missed.
//
// To compare code on the same data without generating it each time (10,000 people and 60,000
// envelopes take minutes): BENCH_RELEASE_TEMPLATE=<name> builds the data once into Postgres database
// <name> (with a sealing secret that follows from the name, so later runs open its envelopes), and
// every run releases a fresh copy of it (`create database … template <name>`, dropped at the end:
// the release deletes envelopes); the aggregation alone runs over the copy's envelopes opened.
// Drop the template by hand when done. BENCH_RELEASE_PROFILE=<dir> writes a CPU profile of the
// release alone (node:inspector) to <dir>; BENCH_RELEASE_LOG_STATEMENTS=1 (with a template) logs every
// statement on the copy with its duration in Postgres's own log; BENCH_RELEASE_COMPARE=0 skips the
// deadline-job comparison.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  closeDueRequests,
  commentPhrases,
  createCaller,
  createContextFor,
  openResponse,
  sealResponse,
  seedLargeOrganisation,
} from "@fivefold/api";
import { createDatabase, type DatabaseHandle, migrate, schema } from "@fivefold/db";
import { aggregate, getInstrument, type RaterResponse, releasePolicy, type Score } from "@fivefold/domain";
import { and, eq, inArray } from "drizzle-orm";
import postgres from "postgres";
import { generatedAdminAsAnalyst, openBenchDatabase } from "./database";

const PEERS = 5;
const CHUNK = 250;

/** A small deterministic generator, so runs compare. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const instrument = getInstrument();
const itemIds = instrument.dimensions.flatMap((d) => d.items.map((item) => item.id));

function answersOf(next: () => number, group: RaterResponse["group"]): RaterResponse {
  const base = 1 + Math.floor(next() * 5);
  const answers: Record<string, Score | null> = {};
  for (const id of itemIds) {
    const r = next();
    answers[id] = r < 0.05 ? null : (Math.min(5, Math.max(1, base + Math.round(r * 2 - 1))) as Score);
  }
  return {
    group,
    answers,
    comments: next() < 0.3 ? [{ dimension: "vision", text: "Keeps us pointed at the same place." }] : [],
  };
}

interface Generated {
  requestId: string;
  responses: RaterResponse[];
  peerIds: string[];
}

/** Writes the held requests of the cycle, their invitations (answered) and sealed envelopes. */
async function generate(
  database: DatabaseHandle,
  secret: string,
  input: {
    orgId: string;
    /** Held by this cycle, or (null) open one-off requests past their deadline. */
    cycleId: string | null;
    adminId: string;
    people: string[];
    requests: number;
    daysAgo?: number;
  },
): Promise<Generated[]> {
  const next = random(7);
  const generated: Generated[] = [];
  const deadline = new Date(Date.now() - (input.daysAgo ?? 1) * 86_400_000);
  for (let start = 0; start < input.requests; start += CHUNK) {
    const requests: Array<typeof schema.feedbackRequests.$inferInsert> = [];
    const invitations: Array<typeof schema.invitations.$inferInsert> = [];
    const envelopes: Array<typeof schema.sealedEnvelopes.$inferInsert> = [];
    for (let i = start; i < Math.min(input.requests, start + CHUNK); i++) {
      const subjectId = input.people[i % input.people.length] as string;
      const requestId = randomUUID();
      const peerIds = Array.from(
        { length: PEERS },
        (_, p) => input.people[(i + 1 + p * 7) % input.people.length] as string,
      );
      requests.push({
        id: requestId,
        orgId: input.orgId,
        subjectId,
        requesterId: input.adminId,
        deadline,
        threshold: 3,
        instrumentVersion: instrument.version,
        state: input.cycleId ? "closed" : "open",
        cycleId: input.cycleId,
        openedAt: new Date(deadline.getTime() - 14 * 86_400_000),
        closedAt: deadline,
      });
      const raters = [
        { personId: subjectId, group: "self" as const },
        ...peerIds.map((personId) => ({ personId, group: "peer" as const })),
      ];
      const responses = raters.map((rater) => answersOf(next, rater.group));
      for (const rater of raters) {
        invitations.push({
          orgId: input.orgId,
          requestId,
          cycleId: input.cycleId,
          personId: rater.personId,
          group: rater.group,
          tokenHash: randomBytes(32).toString("hex"),
          expiresAt: new Date(Date.now() + 30 * 86_400_000),
          state: "submitted",
          counts: true,
        });
      }
      for (const response of responses) {
        envelopes.push({
          id: randomUUID(),
          orgId: input.orgId,
          requestId,
          ciphertext: sealResponse(secret, requestId, response),
        });
      }
      generated.push({ requestId, responses, peerIds });
    }
    await database.db.insert(schema.feedbackRequests).values(requests);
    await database.db.insert(schema.invitations).values(invitations);
    for (let e = 0; e < envelopes.length; e += 100)
      await database.db.insert(schema.sealedEnvelopes).values(envelopes.slice(e, e + 100));
  }
  return generated;
}

/**
 * The domain's aggregation alone, over the same answers and the same inputs a release gives it,
 * themes included (the release reads them from the shown comments, issue 19); `themes: false` is
 * the figure earlier runs of this benchmark compared against.
 */
function aggregationOnly(generated: readonly Generated[], themes = true): number {
  const policy = releasePolicy({ commentThreshold: 3, showManagerApart: true }, 3);
  const start = performance.now();
  for (const request of generated) {
    aggregate({
      instrument,
      responses: request.responses,
      threshold: 3,
      invited: { self: 1, peer: PEERS },
      notCounted: 0,
      seed: request.requestId,
      policy,
      history: { answeredBy: { peer: request.peerIds }, earlier: [] },
      ...(themes ? { phrases: commentPhrases } : {}),
    });
  }
  return performance.now() - start;
}

/**
 * The same release, one request per transaction (a batch of one, as a manager's close), against
 * the batched deadline job, over `BENCH_RELEASE_COMPARE` open requests each (default 500) whose
 * subjects now have the cycle's report as an earlier one (rule 10 has work to do in both).
 */
async function oneAtATime(
  database: DatabaseHandle,
  secret: string,
  input: { orgId: string; adminId: string; people: string[] },
): Promise<boolean> {
  const n = Number(process.env.BENCH_RELEASE_COMPARE ?? 500);
  if (n === 0) return true;
  const ctx = createContextFor(
    { ...database, appUrl: "http://bench.test", mailboxEnabled: true, sealingSecret: secret },
    null,
  );
  // The older deadlines are closed first: those are the ones released one at a time.
  await generate(database, secret, { ...input, cycleId: null, requests: n, daysAgo: 2 });
  await generate(database, secret, {
    ...input,
    people: input.people.slice(n),
    cycleId: null,
    requests: n,
    daysAgo: 1,
  });
  let start = performance.now();
  const single = await closeDueRequests({ ctx, input: { batchSize: 1, workers: 1, limit: n } });
  const singleMs = performance.now() - start;
  start = performance.now();
  const batched = await closeDueRequests({ ctx, input: { limit: n } });
  const batchedMs = performance.now() - start;
  console.log(
    `  deadline job, one request per transaction: ${(singleMs / single.length).toFixed(2)} ms a request (${single.length}); in batches: ${(batchedMs / batched.length).toFixed(2)} ms (${batched.length}); ${(singleMs / batchedMs).toFixed(1)} × faster`,
  );
  return single.length === n && batched.length === n;
}

interface Scene {
  orgId: string;
  adminId: string;
  adminUserId: string;
  cycleId: string;
  people: string[];
}

/** The generated organisation, its analyst admin, the cycle, and the cycle's answered requests. */
async function build(database: DatabaseHandle, requests: number, secret: string) {
  await migrate(database);
  const org = await seedLargeOrganisation(database.db, {
    people: Math.max(requests, 200),
    cycles: 0,
    password: "bench-password",
    seed: 1,
  });
  const admin = await generatedAdminAsAnalyst(database, org);
  const people = await peopleBut(database, org.orgId, admin.id);
  const [cycle] = await database.db
    .insert(schema.cycles)
    .values({
      orgId: org.orgId,
      name: CYCLE_NAME,
      startsOn: "2026-11-01",
      endsOn: "2026-11-30",
      phase: "closed",
    })
    .returning({ id: schema.cycles.id });
  if (!cycle) throw new Error("no cycle");
  const written = performance.now();
  const generated = await generate(database, secret, {
    orgId: org.orgId,
    cycleId: cycle.id,
    adminId: admin.id,
    people,
    requests,
  });
  console.log(
    `${requests} answered requests (${requests * (PEERS + 1)} sealed envelopes) written in ${((performance.now() - written) / 1000).toFixed(1)} s; load ${load()}`,
  );
  const scene: Scene = {
    orgId: org.orgId,
    adminId: admin.id,
    adminUserId: admin.userId,
    cycleId: cycle.id,
    people,
  };
  return { scene, generated };
}

const CYCLE_NAME = "Bench release";

async function peopleBut(database: DatabaseHandle, orgId: string, adminId: string): Promise<string[]> {
  const rows = await database.db
    .select({ id: schema.people.id })
    .from(schema.people)
    .where(eq(schema.people.orgId, orgId))
    .orderBy(schema.people.id);
  return rows.map((p) => p.id).filter((id) => id !== adminId);
}

/**
 * The scene of a copy of the template: the same cycle, and every request's answers as the release
 * will find them (its envelopes opened with the template's secret), with its peers.
 */
async function readScene(
  database: DatabaseHandle,
  secret: string,
): Promise<{ scene: Scene; generated: Generated[] }> {
  const [cycle] = await database.db
    .select({ id: schema.cycles.id, orgId: schema.cycles.orgId })
    .from(schema.cycles)
    .where(eq(schema.cycles.name, CYCLE_NAME));
  if (!cycle) throw new Error("the template holds no bench cycle");
  const requests = await database.db
    .select({ id: schema.feedbackRequests.id, requesterId: schema.feedbackRequests.requesterId })
    .from(schema.feedbackRequests)
    .where(eq(schema.feedbackRequests.cycleId, cycle.id))
    .orderBy(schema.feedbackRequests.id);
  const adminId = requests[0]?.requesterId;
  if (!adminId) throw new Error("the template's cycle holds no request");
  const [admin] = await database.db
    .select({ userId: schema.people.userId })
    .from(schema.people)
    .where(eq(schema.people.id, adminId));
  if (!admin?.userId) throw new Error("the template's admin has no sign-in");
  const peers = await database.db
    .select({ requestId: schema.invitations.requestId, personId: schema.invitations.personId })
    .from(schema.invitations)
    .where(and(eq(schema.invitations.orgId, cycle.orgId), eq(schema.invitations.group, "peer")));
  const byRequest = new Map<string, Generated>(
    requests.map((r) => [r.id, { requestId: r.id, responses: [], peerIds: [] }]),
  );
  // A few hundred requests at a time, opened as read: 60,000 envelopes of 32 KiB in one statement
  // outlast the statement timeout (and 2 GB of memory).
  for (let i = 0; i < requests.length; i += 500) {
    const ids = requests.slice(i, i + 500).map((r) => r.id);
    const envelopes = await database.db
      .select({ requestId: schema.sealedEnvelopes.requestId, ciphertext: schema.sealedEnvelopes.ciphertext })
      .from(schema.sealedEnvelopes)
      .where(
        and(eq(schema.sealedEnvelopes.orgId, cycle.orgId), inArray(schema.sealedEnvelopes.requestId, ids)),
      );
    for (const e of envelopes)
      byRequest.get(e.requestId)?.responses.push(openResponse(secret, e.requestId, e.ciphertext));
  }
  for (const p of peers) if (p.personId) byRequest.get(p.requestId)?.peerIds.push(p.personId);
  return {
    scene: {
      orgId: cycle.orgId,
      adminId,
      adminUserId: admin.userId,
      cycleId: cycle.id,
      people: await peopleBut(database, cycle.orgId, adminId),
    },
    generated: [...byRequest.values()],
  };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/** A CPU profile of `work` alone, written to `dir` when given (BENCH_RELEASE_PROFILE). */
async function profiled<T>(dir: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!dir) return work();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post("Profiler.enable");
  await post("Profiler.setSamplingInterval", { interval: 500 });
  await post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = (await post("Profiler.stop")) as { profile: unknown };
    session.disconnect();
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `release-${Date.now()}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`  CPU profile of the release: ${file}`);
  }
}

/**
 * BENCH_RELEASE_TEMPLATE=<name> (Postgres): the generated data lives in database <name>, built on
 * the first run, and each run releases a fresh copy of it (`create database … template <name>`),
 * dropped afterwards, so runs of old and new code compare on the same envelopes.
 */
async function openTemplateCopy(server: string, template: string, requests: number, secret: string) {
  if (!/^[a-z0-9_]+$/.test(template))
    throw new Error(`BENCH_RELEASE_TEMPLATE is not a database name: ${template}`);
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  const urlOf = (name: string) => {
    const url = new URL(server);
    url.pathname = `/${name}`;
    return url.toString();
  };
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${template}`;
    if (!exists) {
      await admin.unsafe(`create database ${template}`);
      const database = await createDatabase(urlOf(template));
      try {
        await build(database, requests, secret);
      } finally {
        await database.close();
      }
      console.log(`template database ${template} built`);
    }
    const copy = `${template}_run_${Date.now()}`;
    const copied = performance.now();
    // Copied as files, and checkpointed before the release: copied through the WAL (Postgres 15's
    // default), the copy's 2 GB of envelopes were still being written out during the release.
    await admin.unsafe(`create database ${copy} template ${template} strategy file_copy`);
    await admin.unsafe("checkpoint");
    // Every statement of the run in the server's log, with its duration, for a per-statement account.
    if (process.env.BENCH_RELEASE_LOG_STATEMENTS === "1")
      await admin.unsafe(`alter database ${copy} set log_min_duration_statement = 0`);
    console.log(`copied ${template} to ${copy} in ${((performance.now() - copied) / 1000).toFixed(1)} s`);
    const database = await createDatabase(urlOf(copy));
    // A template built by an older tree lacks the newer migrations.
    await migrate(database);
    return {
      database,
      describe: `Postgres (copy ${copy} of template ${template})`,
      async drop() {
        await database.close();
        const sql = postgres(server, { max: 1, onnotice: () => {} });
        await sql.unsafe(`drop database if exists ${copy} with (force)`);
        await sql.end();
      },
    };
  } finally {
    await admin.end();
  }
}

async function main(): Promise<void> {
  const server = process.env.TEST_DATABASE_URL;
  const template = process.env.BENCH_RELEASE_TEMPLATE;
  const requests = Number(process.env.BENCH_RELEASE_REQUESTS ?? (server ? 10_000 : 2_000));
  // A template's envelopes must open in every later run: its secret follows from its name.
  const secret = template
    ? createHash("sha256").update(`fivefold-bench-release:${template}`).digest("base64url")
    : randomBytes(32).toString("base64url");
  if (template && !server) throw new Error("BENCH_RELEASE_TEMPLATE needs TEST_DATABASE_URL");
  const { database, describe, drop } =
    template && server
      ? await openTemplateCopy(server, template, requests, secret)
      : await openBenchDatabase("fivefold_bench_release");
  try {
    const { scene, generated } = template
      ? await readScene(database, secret)
      : await build(database, requests, secret);
    const n = generated.length;
    console.log(`${n} answered requests on ${describe}; load ${load()}`);
    const withoutThemesMs = aggregationOnly(generated, false);
    const aggregationMs = aggregationOnly(generated);
    const ctx = { ...database, appUrl: "http://bench.test", mailboxEnabled: true, sealingSecret: secret };
    const as = createCaller(createContextFor(ctx, scene.adminUserId));
    const results: boolean[] = [];
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = await profiled(process.env.BENCH_RELEASE_PROFILE, () =>
      as.cycles.release({ cycleId: scene.cycleId }),
    );
    const releaseMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const perRequest = releaseMs / n;
    const perAggregation = aggregationMs / n;
    const ratio = perRequest / perAggregation;
    const scaledMs = (releaseMs / n) * 10_000;
    console.log(`  cycles.release: ${result.released} released, ${result.insufficient} insufficient`);
    console.log(
      `  this process's CPU during the release ${((used.user + used.system) / n / 1000).toFixed(2)} ms a request; aggregation without themes ${(withoutThemesMs / n).toFixed(2)} ms`,
    );
    console.log(
      `  total ${(releaseMs / 1000).toFixed(2)} s   per request ${perRequest.toFixed(2)} ms   aggregation alone ${perAggregation.toFixed(2)} ms   ratio ${ratio.toFixed(2)} ×   (10,000 at this rate: ${(scaledMs / 1000).toFixed(1)} s)`,
    );
    const first = performance.now();
    await as.analytics.org({ cycleId: scene.cycleId, by: "team" });
    console.log(
      `  analytics.org by team on the frozen view, first call ${(performance.now() - first).toFixed(1)} ms`,
    );
    results.push(
      await oneAtATime(database, secret, {
        orgId: scene.orgId,
        adminId: scene.adminId,
        people: scene.people,
      }),
    );
    console.log(`  load after: ${load()}`);
    const ok =
      result.released + result.insufficient === n &&
      scaledMs <= 60_000 &&
      ratio <= 2 &&
      results.every(Boolean);
    console.log(ok ? "Release targets met." : "Some release targets were missed.");
    process.exitCode = ok ? 0 : 1;
  } finally {
    await drop();
  }
}

await main();
