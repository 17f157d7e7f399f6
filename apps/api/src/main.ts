// One Fivefold API process (a worker of the supervisor, or alone under `pnpm dev`): open the
// database, listen at once, then migrate, seed the demo when empty, and start the jobs and the
// outbox worker; /readyz says ready only once migrated. SIGTERM drains it: no new connections,
// in-flight requests finish, the mail in hand is sent, the pool closes, exit 0.
import cluster from "node:cluster";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  countOrganisations,
  createDatabase,
  type DatabaseHandle,
  DataFolderLockedError,
  describeUrl,
  migrate,
  sanitiseDatabaseError,
} from "@fivefold/db";
import { createAuth, servedOrigins } from "./auth";
import { ConfigError, type Env, EXIT_CONFIG, readEnv } from "./env";
import { defaultRateLimits } from "./http/rate-limits";
import type { TestClockControl } from "./http/test-clock";
import { startJobs } from "./jobs";
import { describeSmtpUrl } from "./mail/smtp";
import { startOutboxWorkers } from "./outbox-workers";
import { Readiness } from "./readiness";
import { resolveAuthSecret, resolveSealingSecret } from "./secret";
import { DEMO_PASSWORD, seedDemoIfEmpty } from "./seed/demo";
import { seedLargeTeam } from "./seed/large-team";
import { buildServer } from "./server";
import { TestClock } from "./test-clock";

// The same from src/ (tsx) and from dist/ (the build): both sit two levels below the root.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const migrationsFolder = resolve(repoRoot, "packages/db/drizzle");

const worker = cluster.isWorker ? `[worker ${process.pid}] ` : "";
const log = (message: string) => console.log(`${worker}${message}`);
// Errors are logged without the values a database error carries (sanitiseDatabaseError).
const logError = (message: string, error?: unknown) =>
  error === undefined
    ? console.error(`${worker}${message}`)
    : console.error(`${worker}${message}`, sanitiseDatabaseError(error));
/** Whether this process is the first (or only) worker: it prints what a person needs once. */
const speaks = !cluster.isWorker || process.env.FIVEFOLD_WORKER_SLOT === "0";

/** What a signal must stop, and whether one came (the start-up then goes no further). */
interface Lifecycle {
  stopping: boolean;
  background: { stop: () => Promise<void>; runJobs: () => Promise<void> } | null;
}

/** FIVEFOLD_TEST_CLOCK=1 (env.ts allows it on loopback with an in-memory database only). */
function testClockFor(lifecycle: Lifecycle): TestClockControl {
  console.warn(
    "FIVEFOLD_TEST_CLOCK=1: this server's clock can be moved forward (POST /__test/clock). For end-to-end tests only.",
  );
  return { clock: new TestClock(), runJobs: async () => lifecycle.background?.runJobs() };
}

async function main(env: Env): Promise<void> {
  const started = performance.now();
  const { driver, location } = describeUrl(env.databaseUrl);
  const database = await createDatabase(env.databaseUrl, {
    cwd: repoRoot,
    maxConnections: env.poolSize,
    statementTimeoutMs: env.statementTimeoutMs,
    // The embedded database in its own thread, beside HTTP (docs/performance.md); PGLITE_WORKER=0
    // keeps it in this one.
    pgliteWorker: process.env.PGLITE_WORKER !== "0",
  });
  const opened = performance.now();
  // Beside the embedded database (.data/ for the default .data/pglite), like its lock file.
  const dataDir = driver === "pglite" && location !== "memory" ? dirname(resolve(repoRoot, location)) : null;
  const lifecycle: Lifecycle = { stopping: false, background: null };
  const testClock = env.testClock ? testClockFor(lifecycle) : undefined;
  const { app, readiness, baseURL, sealingSecret } = await buildApp(env, database, dataDir, testClock);
  const address = await app.listen({ port: env.port, host: env.host });
  log(
    `Listening on ${address}, ${Math.round(performance.now() - opened)} ms after the database (${driver}, ${location}) opened in ${Math.round(opened - started)} ms`,
  );

  drainOnSignals(env, { app, database, readiness }, lifecycle);

  await migrate(database, migrationsFolder);
  log("Migrations applied");
  if (lifecycle.stopping) return;

  await seedOrExplain(env, database, readiness, sealingSecret);
  if (lifecycle.stopping) return;

  lifecycle.background = startBackground(env, database, baseURL, sealingSecret, testClock?.clock.now);
  readiness.ready();
  process.send?.({ fivefold: "ready" });
  if (speaks) announceRunning(env, baseURL, started);
}

/** The secrets, Better Auth and the Fastify server, not yet listening; readiness says "starting". */
async function buildApp(
  env: Env,
  database: DatabaseHandle,
  dataDir: string | null,
  testClock: TestClockControl | undefined,
) {
  const secrets = { dataDir, warn: (message: string) => speaks && console.warn(message) };
  const authSecret = resolveAuthSecret({ configured: env.authSecret, ...secrets });
  const sealingSecret = resolveSealingSecret({ configured: env.sealingSecret, ...secrets });
  const baseURL = env.publicUrl ?? `http://localhost:${env.port}`;
  const auth = createAuth({
    db: database.db,
    secret: authSecret,
    baseURL,
    trustedOrigins: servedOrigins(env.port, env.publicUrl),
    production: env.production,
    sealingSecret,
  });
  const readiness = new Readiness("starting", "applying migrations");
  const app = await buildServer({
    database,
    auth,
    webDist: env.webDist ?? resolve(repoRoot, "apps/web/dist"),
    appUrl: baseURL,
    // The Mailbox shows every mail body, invitation links included: a demo aid, never a real mode.
    mailboxEnabled: env.demo && !env.smtpUrl,
    sealingSecret,
    readiness,
    publicUrl: env.publicUrl,
    trustProxy: env.trustProxy,
    rateLimits: defaultRateLimits({
      signIn: env.signInRateLimit,
      signInAccount: env.signInAccountRateLimit,
      passwordMail: env.passwordMailRateLimit,
      link: env.linkRateLimit,
      api: env.apiRateLimit,
    }),
    testClock,
  });
  if (speaks && env.publicUrl && env.trustProxy === false) {
    console.warn(
      "PUBLIC_URL is set but TRUST_PROXY is not: behind a reverse proxy every client then shares the proxy's address " +
        "(one rate-limit bucket for all of them). Set TRUST_PROXY=1 (or the proxy's address) when a proxy is in front.",
    );
  }
  return { app, readiness, baseURL, sealingSecret };
}

type App = Awaited<ReturnType<typeof buildServer>>;

/** SIGINT and SIGTERM drain: no new connections, in-flight requests and mails finish, exit 0. */
function drainOnSignals(
  env: Env,
  parts: { app: App; database: DatabaseHandle; readiness: Readiness },
  lifecycle: Lifecycle,
): void {
  const { app, database, readiness } = parts;
  const stop = async (signal: string) => {
    if (lifecycle.stopping) return;
    lifecycle.stopping = true;
    readiness.drain();
    log(`${signal}: draining (no new connections; in-flight requests and the mail in hand finish)`);
    let phase = "closing the server";
    const deadline = setTimeout(() => {
      const waiting = app.inFlight();
      logError(
        `still draining after ${env.shutdownTimeoutMs} ms (${phase}${waiting.length ? `; unanswered: ${waiting.join(", ")}` : ""}): stopping anyway`,
      );
      process.exit(1);
    }, env.shutdownTimeoutMs);
    deadline.unref();
    // A keep-alive connection whose call was in flight when the drain began turns idle once it is
    // answered; fastify closes idle connections only at the start, and a client may keep one open
    // for the server's keep-alive time (72 s), longer than the drain may take. Close them as they go
    // idle; and once no call that a client still waits for is left (a client that gave up aborted
    // its call, and nobody waits for its answer), close what remains.
    const sweep = setInterval(() => {
      app.server.closeIdleConnections();
      if (app.inFlight().length === 0) app.server.closeAllConnections();
    }, 250);
    sweep.unref();
    try {
      await app.close();
      clearInterval(sweep);
      phase = "finishing the jobs and the mails in hand";
      await lifecycle.background?.stop();
      phase = "closing the database";
      await database.close();
    } catch (error) {
      logError("stopping failed", error);
      process.exit(1);
    }
    log("stopped");
    process.exit(0);
  };
  // `on`, not `once`: a second signal while draining (Ctrl-C reaches the workers and the
  // supervisor alike) must not fall back to the default of dying on the spot.
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

/** With --demo, seeds Acme into an empty database; without, says how to create the first organisation. */
async function seedOrExplain(
  env: Env,
  database: DatabaseHandle,
  readiness: Readiness,
  sealingSecret: string,
): Promise<void> {
  if (env.demo) {
    readiness.detail = "seeding the demo organisation";
    // One process seeds; the others wait for it and then find the organisation there.
    const seeded = await database.exclusive("seed-demo", async () => {
      if ((await countOrganisations(database.db)) > 0) return null;
      log("Empty database: seeding the demo organisation Acme with two cycles of feedback (about 20 s)…");
      const org = await seedDemoIfEmpty(database.db, { sealingSecret });
      if (org && env.demoLargeTeam > 0) {
        await seedLargeTeam(database.db, org, env.demoLargeTeam);
        log(`Added a generated team of ${env.demoLargeTeam} people with released reports`);
      }
      return org;
    });
    if (seeded) log(`Seeded the demo organisation Acme (${Object.keys(seeded.people).length} people)`);
  } else if (speaks && (await countOrganisations(database.db)) === 0) {
    log(
      'No organisation yet. Create one with its first admin: pnpm create-admin --org "Name" --name "Full Name" --email you@example.com (or start with --demo for the demo organisation).',
    );
  }
}

/** What a person starting Fivefold needs to know once it is ready: where mail goes, the address, the sign-in. */
function announceRunning(env: Env, baseURL: string, started: number): void {
  log(
    env.smtpUrl
      ? `E-mail: sent over ${describeSmtpUrl(env.smtpUrl)}`
      : env.demo
        ? "E-mail: kept in the demo Mailbox (no SMTP_URL)"
        : "E-mail: not sent: set SMTP_URL (mails wait in the outbox and go out once it is set)",
  );
  log(`Fivefold is running at ${baseURL} (ready in ${Math.round(performance.now() - started)} ms)`);
  if (env.demo) {
    log(
      `Demo sign-in: admin@acme.test / ${DEMO_PASSWORD} (every seeded person uses this demo-only password)`,
    );
  }
}

/** Jobs and the outbox worker: safe in every process, as they claim work with SKIP LOCKED. */
function startBackground(
  env: Env,
  database: DatabaseHandle,
  appUrl: string,
  sealingSecret: string,
  now: (() => Date) | undefined,
) {
  const jobLog = { info: log, error: (err: unknown, msg: string) => logError(msg, err) };
  const jobs = startJobs({
    db: database.db,
    driver: database.driver,
    appUrl,
    sealingSecret,
    log: jobLog,
    now,
  });
  const outbox = startOutboxWorkers({ env, db: database.db, sealingSecret, log: jobLog, now });
  return {
    async stop() {
      await Promise.all([jobs.stop(), outbox.stop()]);
    },
    runJobs: jobs.runNow,
  };
}

let env: Env;
try {
  env = readEnv();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(EXIT_CONFIG);
}
main(env).catch((error: unknown) => {
  // A folder held by another process stays held: restarting would only be refused again.
  if (error instanceof DataFolderLockedError) {
    logError(error.message);
    process.exit(EXIT_CONFIG);
  }
  logError("Fivefold failed to start:", error);
  process.exit(1);
});
