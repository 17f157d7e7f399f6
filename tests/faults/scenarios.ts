// The fault scenarios, each against the real built server in child processes: steady load, one
// invitation submitted 50 times at once, Postgres terminating the backends under load, a worker
// killed -9 while mail goes out, and the embedded database killed during writes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, type DatabaseHandle, queryRows, schema } from "@fivefold/db";
import { eq, inArray, ne, sql } from "drizzle-orm";
import {
  createFaultDatabase,
  type FaultDatabase,
  type Invitation,
  MANAGER_EMAIL,
  PASSWORD,
  prepare,
  SECRETS,
  type SeededRound,
  storedCounts,
  terminateBackends,
} from "./lib/database";
import { call, signIn } from "./lib/http";
import { compare, LoadStats, startRaters, submitWithRetries } from "./lib/raters";
import { Checks, ms, type ScenarioResult } from "./lib/report";
import { type ServerProcess, startServer } from "./lib/server";
import type { ScenarioSizes } from "./lib/settings";
import { startSmtpSink } from "./lib/smtp-sink";

export interface RunContext {
  sizes: ScenarioSizes;
  log: (message: string) => void;
}

const sleep = (msDelay: number) => new Promise((r) => setTimeout(r, msDelay));

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function postgresEnv(db: FaultDatabase, extra: Record<string, string> = {}) {
  // Two workers of eight connections: the fault run shares this Postgres with other work.
  return { DATABASE_URL: db.url, ...SECRETS, WORKERS: "2", DATABASE_POOL_SIZE: "8", ...extra };
}

/** Starts a server and, whatever happens in `run`, stops it; checks it stops cleanly (exit 0). */
async function withServer(
  env: Record<string, string>,
  checks: Checks,
  run: (server: ServerProcess) => Promise<void>,
  args: string[] = [],
): Promise<ServerProcess> {
  const server = await startServer({ env, args });
  try {
    await server.waitReady();
    // Every worker, not just the one that answered /readyz.
    await server.waitForLine(/^Supervisor: \d+ workers? serving/, 60_000);
    await run(server);
  } finally {
    const code = await server.stop().catch((error: Error) => {
      checks.expect(false, error.message.split("\n")[0] ?? "stop failed");
      return -1;
    });
    const stuck = server.lines.filter((line) => line.includes("still draining")).join(" / ");
    checks.expect(code === 0, `the server exits 0 on SIGTERM (got ${code}${stuck ? `: ${stuck}` : ""})`);
  }
  return server;
}

/** The Postgres scenarios share one database per run, each with its own organisation. */
export class PostgresRun {
  private constructor(
    readonly db: FaultDatabase,
    readonly handle: DatabaseHandle,
    readonly rounds: Record<string, SeededRound>,
  ) {}

  static async create(
    adminUrl: string,
    sizes: ScenarioSizes,
    log: (m: string) => void,
  ): Promise<PostgresRun> {
    const db = await createFaultDatabase(adminUrl);
    try {
      const started = performance.now();
      const rounds = await prepare(db.url, [
        { label: "steady", requests: sizes.steady.requests },
        { label: "contended", requests: 1 },
        { label: "terminations", requests: sizes.terminations.requests },
        { label: "login", requests: sizes.workerKill.requests },
        { label: "stop", requests: sizes.gracefulStop.requests },
      ]);
      log(`Seeded ${db.name} in ${ms(performance.now() - started)}`);
      const handle = await createDatabase(db.url, { maxConnections: 2 });
      return new PostgresRun(db, handle, rounds);
    } catch (error) {
      await db.drop();
      throw error;
    }
  }

  round(label: string): SeededRound {
    const round = this.rounds[label];
    if (!round) throw new Error(`no round ${label}`);
    return round;
  }

  async close(): Promise<void> {
    await this.handle.close();
    await this.db.drop();
  }
}

export async function steadyLoad(run: PostgresRun, ctx: RunContext): Promise<ScenarioResult> {
  const { raters, durationMs } = ctx.sizes.steady;
  const round = run.round("steady");
  const checks = new Checks();
  let stats = new LoadStats();
  let seconds = 0;
  let exhausted = false;
  const server = await withServer(postgresEnv(run.db), checks, async (server) => {
    const pool = shuffled(round.invitations);
    const started = performance.now();
    const load = startRaters({ base: server.url, pool, raters, durationMs });
    await load.done;
    seconds = (performance.now() - started) / 1000;
    exhausted = pool.length === 0;
    stats = load.stats;
  });
  const { lost, doubled, partial } = compare(
    stats,
    await storedCounts(run.handle.db, round.orgId),
    round.requestIds,
  );
  checks.expect(stats.errors === 0, `0 errors (got ${stats.describeErrors()})`);
  checks.expect(lost === 0 && doubled === 0, "every acknowledged submission stored once");
  checks.expect(partial === 0, "nothing half-written");
  checks.expect(server.crashes().length === 0, "no worker died");
  checks.expect(stats.ackedTotal > 0, "submissions went through");
  return {
    scenario: `${raters} raters submitting for ${ms(durationMs)}`,
    requests: stats.calls,
    errors: stats.errors,
    lost,
    doubled,
    recovery: "-",
    failures: checks.failures,
    notes: `${stats.ackedTotal} submits acknowledged and stored (${(stats.ackedTotal / seconds).toFixed(0)}/s over ${seconds.toFixed(1)} s, ${(stats.calls / seconds).toFixed(0)} calls/s), p50 ${ms(stats.percentile(50))}, p99 ${ms(stats.percentile(99))}${exhausted ? "; every invitation answered before the time was up" : ""}`,
  };
}

export async function contendedSubmits(run: PostgresRun, ctx: RunContext): Promise<ScenarioResult> {
  const { parallel } = ctx.sizes.contended;
  const round = run.round("contended");
  const checks = new Checks();
  const stats = new LoadStats();
  const [first, second] = round.invitations;
  if (!first || !second) throw new Error("the contended round has no invitations");
  let distinct = { acked: 0, conflict: 0, other: 0 };
  let sameKey = { acked: 0, conflict: 0, other: 0 };
  await withServer(postgresEnv(run.db), checks, async (server) => {
    const tally = (outcomes: string[]) => ({
      acked: outcomes.filter((o) => o === "acked").length,
      conflict: outcomes.filter((o) => o === "conflict").length,
      other: outcomes.filter((o) => o === "unresolved").length,
    });
    // Different keys: of 50 at once, one wins.
    distinct = tally(
      await Promise.all(
        Array.from({ length: parallel }, () =>
          submitWithRetries(server.url, first, stats, { timeoutMs: 20_000 }),
        ),
      ),
    );
    // One key (one client retrying): every one is told it succeeded.
    const idempotencyKey = crypto.randomUUID();
    sameKey = tally(
      await Promise.all(
        Array.from({ length: parallel }, () =>
          submitWithRetries(server.url, second, stats, { timeoutMs: 20_000, idempotencyKey }),
        ),
      ),
    );
  });
  const stored = await storedCounts(run.handle.db, round.orgId);
  const requestId = first.requestId;
  const sealed = stored.sealed.get(requestId) ?? 0;
  checks.expect(
    distinct.acked === 1 && distinct.conflict === parallel - 1,
    `one of ${parallel} wins, the rest CONFLICT`,
  );
  checks.expect(sameKey.acked === parallel, `all ${parallel} with one key succeed`);
  checks.expect(sealed === 2, `exactly one stored for each invitation (got ${sealed} for two)`);
  checks.expect(stats.errors === 0, `no errors besides CONFLICT (got ${stats.describeErrors()})`);
  return {
    scenario: `${parallel} parallel submits of one invitation (×2)`,
    requests: stats.calls,
    errors: stats.errors,
    lost: Math.max(0, 2 - sealed),
    doubled: Math.max(0, sealed - 2),
    recovery: "-",
    failures: checks.failures,
    notes: `different keys: ${distinct.acked} stored, ${distinct.conflict} CONFLICT; one key: ${sameKey.acked} succeeded, 1 stored`,
  };
}

export async function backendTerminations(run: PostgresRun, ctx: RunContext): Promise<ScenarioResult> {
  const { raters, count, everyMs } = ctx.sizes.terminations;
  const round = run.round("terminations");
  const checks = new Checks();
  let stats = new LoadStats();
  const recoveries: number[] = [];
  let terminated = 0;
  let probeHangs = 0;
  const server = await withServer(postgresEnv(run.db), checks, async (server) => {
    const load = startRaters({
      base: server.url,
      pool: shuffled(round.invitations),
      raters,
      durationMs: count * everyMs + 10_000,
    });
    // A probe that asks the database through the API every 50 ms: when does it answer again?
    const probes: Array<{ at: number; ok: boolean }> = [];
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const at = performance.now();
        const result = await call(server.url, "health", {}, { method: "GET", timeoutMs: 5_000 });
        if (result.code === "TIMEOUT") probeHangs++;
        probes.push({ at, ok: result.ok });
        await sleep(50);
      }
    })();
    const faults: number[] = [];
    for (let i = 0; i < count; i++) {
      await sleep(everyMs);
      faults.push(performance.now());
      terminated += await terminateBackends(run.handle.db);
    }
    // Long enough to see the service back after the last one (or to show it is not).
    await sleep(2_500);
    probing = false;
    await probe;
    await load.stop();
    stats = load.stats;
    for (const fault of faults) {
      const back = probes.find((p) => p.at >= fault && p.ok);
      recoveries.push(back ? back.at - fault : Number.POSITIVE_INFINITY);
    }
  });
  const { lost, doubled, partial } = compare(
    stats,
    await storedCounts(run.handle.db, round.orgId),
    round.requestIds,
  );
  const worst = Math.max(...recoveries);
  checks.expect(server.crashes().length === 0, `the process stays up (${server.crashes().join("; ")})`);
  checks.expect(stats.hangs === 0 && probeHangs === 0, "clients get errors, not hangs");
  checks.expect(worst <= 2_000, `service returns within 2 s (worst ${ms(worst)})`);
  checks.expect(lost === 0 && doubled === 0, "every acknowledged submission stored once");
  checks.expect(partial === 0, "nothing partial stored");
  const unresolved = [...stats.unresolved.values()].reduce((a, b) => a + b, 0);
  return {
    scenario: `backends terminated ${count} times during load (${raters} raters)`,
    requests: stats.calls,
    errors: stats.errors,
    lost,
    doubled,
    recovery: `${ms(worst)} worst`,
    failures: checks.failures,
    notes: `${terminated} backends terminated; ${stats.ackedTotal} submits acknowledged, ${unresolved} gave up after retries; errors: ${stats.describeErrors() || "none"}; slowest call ${ms(stats.slowestMs)}; recovery per termination ${recoveries.map(ms).join(", ")}`,
  };
}

export async function gracefulStop(run: PostgresRun, ctx: RunContext): Promise<ScenarioResult> {
  const { raters, afterMs } = ctx.sizes.gracefulStop;
  const round = run.round("stop");
  const checks = new Checks();
  // This round's invitation mail (and only it) is going out when the stop comes.
  await run.handle.db
    .update(schema.outbox)
    .set({ state: "sent", sentAt: new Date() })
    .where(ne(schema.outbox.orgId, round.orgId));
  await run.handle.db
    .update(schema.outbox)
    .set({ state: "pending", sentAt: null, nextAttemptAt: new Date() })
    .where(eq(schema.outbox.orgId, round.orgId));
  const sink = await startSmtpSink({ delayMs: 20 });
  const server = await startServer({ env: postgresEnv(run.db, { SMTP_URL: sink.url }) });
  let stats = new LoadStats();
  let code: number | null = null;
  let stoppedIn = 0;
  let sentAt = 0;
  let delivered = 0;
  try {
    await server.waitReady();
    await server.waitForLine(/^Supervisor: \d+ workers? serving/, 60_000);
    const load = startRaters({
      base: server.url,
      pool: shuffled(round.invitations),
      raters,
      durationMs: 60_000,
    });
    await sleep(afterMs);
    sentAt = performance.now();
    server.child.kill("SIGTERM");
    code = await Promise.race([server.exited, sleep(40_000).then(() => -1)]);
    stoppedIn = performance.now() - sentAt;
    await load.stop();
    stats = load.stats;
  } finally {
    if (code === -1 || code === null) await server.killTree();
    delivered = sink.total();
    await sink.close();
  }
  // Calls well under way when SIGTERM came (a connection can still be in the kernel's queue
  // for a few milliseconds): each must have had its answer.
  const inFlight = stats.timeline.filter((c) => c.start < sentAt - 100 && c.end > sentAt);
  const cutOff = inFlight.filter((c) => !c.ok);
  const [sending] = await queryRows<{ n: number }>(
    run.handle.db,
    sql`select count(*)::int as n from outbox where state = 'sending'`,
  );
  const { lost, doubled, partial } = compare(
    stats,
    await storedCounts(run.handle.db, round.orgId),
    round.requestIds,
  );
  checks.expect(code === 0, `the supervisor exits 0 (got ${code})`);
  checks.expect(
    cutOff.length === 0,
    `every call in flight at SIGTERM is answered (${cutOff.length} of ${inFlight.length} cut off)`,
  );
  checks.expect(delivered > 0, "mail was going out when the stop came");
  checks.expect((sending?.n ?? 0) === 0, "no mail is left mid-send: the mails in hand were finished");
  checks.expect(lost === 0 && doubled === 0 && partial === 0, "acknowledged submissions all stored, once");
  checks.expect(server.crashes().length === 0, "no worker died");
  return {
    scenario: `SIGTERM under load (${raters} raters, mail out)`,
    requests: stats.calls,
    errors: cutOff.length,
    lost,
    doubled,
    recovery: `${ms(stoppedIn)} to exit`,
    failures: checks.failures,
    notes: `${inFlight.length} calls in flight at SIGTERM, all answered; afterwards new connections are refused (${stats.describeErrors() || "none"}); ${delivered} mails delivered before the exit, none left mid-send`,
  };
}

export async function workerKill(run: PostgresRun, ctx: RunContext): Promise<ScenarioResult> {
  const { raters, durationMs, killAfterMs } = ctx.sizes.workerKill;
  const round = run.round("login");
  const checks = new Checks();
  // Only this scenario's mail: the other rounds' invitations count as delivered long ago.
  await run.handle.db
    .update(schema.outbox)
    .set({ state: "sent", sentAt: new Date() })
    .where(ne(schema.outbox.orgId, round.orgId));
  const sink = await startSmtpSink({ delayMs: 5 });
  let stats = new LoadStats();
  let killedAt = 0;
  let firstAckAfterKill = Number.POSITIVE_INFINITY;
  let replacedAfter = Number.POSITIVE_INFINITY;
  let drainedAfter = Number.POSITIVE_INFINITY;
  const created: string[] = [];
  let createErrors = 0;
  const server = await withServer(
    // A short SMTP timeout makes a short lease (5 s), so the mail in doubt goes again soon.
    postgresEnv(run.db, { SMTP_URL: sink.url, SMTP_TIMEOUT_MS: "1000" }),
    checks,
    async (server) => {
      const cookie = await signIn(server.url, MANAGER_EMAIL, PASSWORD);
      const load = startRaters({ base: server.url, pool: shuffled(round.invitations), raters, durationMs });
      // The manager keeps opening requests (signed in), which writes invitation mail under load.
      let managing = true;
      const spare = [...round.subjectIds];
      const manager = (async () => {
        while (managing && spare.length > 0) {
          const subjectId = spare.shift() ?? "";
          const result = await call<{ id: string }>(
            server.url,
            "requests.create",
            {
              subjectId,
              deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
              raters: round.raterIds.slice(0, 20).map((personId) => ({ personId, group: "peer" })),
            },
            { cookie, timeoutMs: 10_000 },
          );
          if (result.ok && result.data) created.push(result.data.id);
          else createErrors++;
          await sleep(250);
        }
      })();
      await sleep(killAfterMs);
      const victim = server.workers()[0];
      if (victim === undefined) throw new Error("no worker to kill");
      killedAt = performance.now();
      process.kill(victim, "SIGKILL");
      // The supervisor starts another in its place; when is it serving?
      const replaced = await server
        .waitForLine(new RegExp(`^Supervisor: worker (?!${victim}\\b)\\d+ started \\(1 of`), 30_000)
        .catch(() => "");
      const replacement = /worker (\d+)/.exec(replaced)?.[1];
      if (replacement) {
        await server.waitForLine(new RegExp(`^Supervisor: worker ${replacement} ready`), 30_000);
        replacedAfter = performance.now() - killedAt;
      }
      await load.done;
      managing = false;
      await manager;
      stats = load.stats;
      firstAckAfterKill = (stats.ackTimes.find((t) => t > killedAt) ?? Number.POSITIVE_INFINITY) - killedAt;
      // Every mail goes out, the one in hand at the kill once its lease has run out.
      const waitFrom = performance.now();
      for (;;) {
        const [left] = await queryRows<{ n: number }>(
          run.handle.db,
          sql`select count(*)::int as n from outbox where state <> 'sent'`,
        );
        if (left?.n === 0) {
          drainedAfter = performance.now() - killedAt;
          break;
        }
        if (performance.now() - waitFrom > 120_000) break;
        await sleep(250);
      }
    },
  );
  const mails = await run.handle.db
    .select({ id: schema.outbox.id, state: schema.outbox.state })
    .from(schema.outbox)
    .where(eq(schema.outbox.orgId, round.orgId));
  const undelivered = mails.filter((m) => !sink.received.has(`<${m.id}@fivefold>`)).length;
  const duplicates = sink.duplicates();
  await sink.close();
  const requestsStored = created.length
    ? await run.handle.db
        .select({ id: schema.feedbackRequests.id })
        .from(schema.feedbackRequests)
        .where(inArray(schema.feedbackRequests.id, created))
    : [];
  const { lost, doubled, partial } = compare(
    stats,
    await storedCounts(run.handle.db, round.orgId),
    round.requestIds,
  );
  checks.expect(server.crashes().length === 1, `exactly the killed worker died (${server.crashes().length})`);
  checks.expect(Number.isFinite(replacedAfter), "the supervisor replaced the killed worker");
  checks.expect(lost === 0 && doubled === 0, "acknowledged submissions all present, once");
  checks.expect(partial === 0, "nothing half-written");
  checks.expect(requestsStored.length === created.length, "every acknowledged new request present");
  checks.expect(undelivered === 0, `every outbox mail reached the SMTP sink (${undelivered} did not)`);
  // A connection the cluster primary hands to the worker just as it dies is never answered (Node's
  // round-robin handoff waits for the dead worker's reply): such a call hangs until the client's
  // deadline. That is the only hang allowed, and only for calls begun at the kill.
  const hung = stats.timeline.filter((c) => c.code === "TIMEOUT");
  const atKill = hung.filter((c) => c.start >= killedAt - 100 && c.start <= killedAt + 1_000);
  checks.expect(
    hung.length === atKill.length,
    `no hangs but at the kill (${hung.length - atKill.length} later)`,
  );
  return {
    scenario: `kill -9 of a worker under load (${raters} raters, mail out)`,
    requests: stats.calls + created.length + createErrors,
    errors: stats.errors + createErrors,
    lost: lost + undelivered,
    doubled: doubled + duplicates,
    recovery: `${ms(replacedAfter)} to replace`,
    failures: checks.failures,
    notes: `${stats.ackedTotal} submits and ${created.length} new requests acknowledged, all stored; ${mails.length} mails, ${sink.total()} received, ${duplicates} duplicate(s) (same Message-ID); ${atKill.length ? `${atKill.length} call(s) handed to the dying worker went unanswered until the client's deadline; ` : ""}the other worker served on (first acknowledgement ${ms(firstAckAfterKill)} after the kill), the killed one was replaced after ${ms(replacedAfter)}, outbox empty ${ms(drainedAfter)} after the kill; errors: ${stats.describeErrors() || "none"}; mail connections the kill cut: ${sink.connectionErrors.length}`,
  };
}

export async function embeddedKill(ctx: RunContext): Promise<ScenarioResult> {
  const { raters, killAfterMs, requests } = ctx.sizes.embedded;
  const folder = mkdtempSync(join(tmpdir(), "fivefold-faults-"));
  const url = `pglite://${join(folder, "pglite")}`;
  const checks = new Checks();
  try {
    const { embedded: round } = await prepare(url, [{ label: "embedded", requests }]);
    if (!round) throw new Error("no embedded round");
    const first = await startServer({ env: { DATABASE_URL: url }, args: ["--no-demo"] });
    let stats = new LoadStats();
    let reopenedAfter = Number.POSITIVE_INFINITY;
    let refusal = "";
    let refusedCode: number | null = null;
    try {
      await first.waitReady();
      // A second process on the same folder while the first runs: refused, saying why.
      const second = await startServer({ env: { DATABASE_URL: url }, args: ["--no-demo"] });
      refusedCode = await Promise.race([second.exited, sleep(30_000).then(() => -1)]);
      if (refusedCode === -1) await second.killTree();
      refusal = second.lines.find((line) => line.includes("in use by another Fivefold process")) ?? "";

      const pool: Invitation[] = shuffled(round.invitations);
      const load = startRaters({
        base: first.url,
        pool,
        raters,
        durationMs: 120_000,
        withForm: false,
      });
      await sleep(killAfterMs);
      const victim = first.workers()[0];
      if (victim === undefined) throw new Error("no worker");
      const killedAt = performance.now();
      process.kill(victim, "SIGKILL");
      // The supervisor starts a new worker, which takes over the folder and reopens the database.
      await first.waitForLine(/^Supervisor: worker \d+ exited/, 10_000);
      await sleep(200);
      await first.waitReady(60_000);
      reopenedAfter = performance.now() - killedAt;
      // Writes go on against the reopened database for a while.
      await sleep(killAfterMs);
      await load.stop();
      stats = load.stats;
    } finally {
      // The machine loses the whole process tree: the lock it leaves must not keep the next one out.
      await first.killTree();
    }
    const third = await startServer({ env: { DATABASE_URL: url }, args: ["--no-demo"] });
    let restartedIn = Number.POSITIVE_INFINITY;
    try {
      restartedIn = await third.waitReady(60_000);
    } finally {
      const code = await third.stop();
      checks.expect(code === 0, `the restarted server stops cleanly (${code})`);
    }
    const handle = await createDatabase(url);
    let counts: Awaited<ReturnType<typeof storedCounts>>;
    try {
      counts = await storedCounts(handle.db, round.orgId);
    } finally {
      await handle.close();
    }
    const { lost, doubled, partial } = compare(stats, counts, round.requestIds);
    checks.expect(
      refusedCode === 78 && refusal !== "",
      "a second process on the same folder is refused, saying why",
    );
    checks.expect(Number.isFinite(reopenedAfter), "the killed worker's folder reopened");
    checks.expect(Number.isFinite(restartedIn), "a new process starts after kill -9 of the whole tree");
    checks.expect(lost === 0 && doubled === 0, "acknowledged writes present, once");
    checks.expect(partial === 0, "nothing half-written");
    checks.expect(stats.ackedTotal > 0, "writes went through");
    return {
      scenario: "embedded database killed -9 during writes, reopened",
      requests: stats.calls,
      errors: stats.errors,
      lost,
      doubled,
      recovery: `${ms(reopenedAfter)} to ready`,
      failures: checks.failures,
      notes: `${stats.ackedTotal} writes acknowledged, all present after the kill and again after kill -9 of the whole tree (restart ready in ${ms(restartedIn)}); second process: exit ${refusedCode}, "${refusal.replace(/^\[worker \d+\] /, "").slice(0, 60)}…"; errors while no worker ran: ${stats.describeErrors() || "none"}`,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
