// `pnpm start`: a small supervisor (node:cluster) running WORKERS API processes on one port. A
// worker that dies is replaced, after a pause that doubles while it keeps dying young (never a tight
// loop). SIGTERM or SIGINT is passed on to every worker, which drains; the supervisor exits when
// they have. Settings are checked here first, so a setting that cannot work stops everything once.
import cluster, { type Worker } from "node:cluster";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, EXIT_CONFIG, readEnv } from "./env";
import { crashesAfter, restartPauseMs } from "./restarts";

type Env = ReturnType<typeof readEnv>;

/** One worker position: its current process (none while it waits to be restarted). */
interface Slot {
  worker: Worker | null;
  ready: boolean;
  startedAt: number;
  crashes: number;
  timer: NodeJS.Timeout | null;
}

/** The supervisor's state, shared by the worker handlers. */
interface Supervision {
  env: Env;
  slots: Slot[];
  stopping: boolean;
  readyOnce: boolean;
  /** The supervisor's exit code once every worker has stopped. */
  exitCode: number;
}

const say = (message: string) => console.log(`Supervisor: ${message}`);
const plural = (workers: number) => `${workers} worker${workers === 1 ? "" : "s"}`;

function readEnvOrExit(): Env {
  try {
    return readEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(EXIT_CONFIG);
  }
}

function supervise(): void {
  const env = readEnvOrExit();
  // The worker is main.js next to this file (or main.ts under tsx).
  const here = fileURLToPath(import.meta.url);
  cluster.setupPrimary({ exec: here.replace(/supervisor(\.[cm]?[jt]s)$/, `main${extname(here)}`) });

  const state: Supervision = {
    env,
    slots: Array.from({ length: env.workers }, () => ({
      worker: null,
      ready: false,
      startedAt: 0,
      crashes: 0,
      timer: null,
    })),
    stopping: false,
    readyOnce: false,
    exitCode: 0,
  };
  process.on("SIGTERM", () => shutdown(state, "SIGTERM"));
  process.on("SIGINT", () => shutdown(state, "SIGINT"));

  say(
    `starting ${plural(env.workers)} (${env.driver === "pglite" ? "embedded database: one process" : "Postgres"})`,
  );
  for (let index = 0; index < env.workers; index++) startWorker(state, index);
}

function startWorker(state: Supervision, index: number): void {
  const slot = state.slots[index];
  if (!slot || state.stopping) return;
  slot.timer = null;
  slot.startedAt = Date.now();
  const worker = cluster.fork({ FIVEFOLD_WORKER_SLOT: String(index) });
  slot.worker = worker;
  slot.ready = false;
  say(`worker ${worker.process.pid} started (${index + 1} of ${state.env.workers})`);
  worker.on("message", (message: unknown) => {
    if ((message as { fivefold?: string } | null)?.fivefold !== "ready") return;
    markReady(state, slot, worker);
  });
  worker.on("exit", (code, signal) => workerExited(state, index, worker, code, signal));
}

function markReady(state: Supervision, slot: Slot, worker: Worker): void {
  slot.ready = true;
  say(`worker ${worker.process.pid} ready`);
  if (!state.readyOnce && state.slots.every((s) => s.ready)) {
    state.readyOnce = true;
    say(`${plural(state.env.workers)} serving on port ${state.env.port}`);
  }
}

/** A worker ended: counted while stopping, fatal for a setting it cannot run with, else restarted. */
function workerExited(state: Supervision, index: number, worker: Worker, code: number, signal: string): void {
  const slot = state.slots[index];
  if (!slot) return;
  slot.worker = null;
  slot.ready = false;
  const how = signal ? `signal ${signal}` : `code ${code}`;
  if (state.stopping) {
    if (code !== 0 && state.exitCode === 0) state.exitCode = 1;
    say(`worker ${worker.process.pid} stopped (${how})`);
    if (state.slots.every((s) => s.worker === null)) process.exit(state.exitCode);
    return;
  }
  if (code === EXIT_CONFIG) {
    // It said why; starting it again would only say it again.
    state.exitCode = EXIT_CONFIG;
    shutdown(state, `worker ${worker.process.pid} cannot run as configured (${how})`);
    return;
  }
  slot.crashes = crashesAfter(slot.crashes, Date.now() - slot.startedAt);
  const pause = restartPauseMs(slot.crashes);
  say(`worker ${worker.process.pid} exited (${how}); restarting in ${pause} ms`);
  slot.timer = setTimeout(() => startWorker(state, index), pause);
}

function shutdown(state: Supervision, reason: string): void {
  if (state.stopping) return;
  state.stopping = true;
  say(`${reason}: stopping the workers`);
  for (const slot of state.slots) {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.worker?.process.kill("SIGTERM");
  }
  if (state.slots.every((s) => s.worker === null)) process.exit(state.exitCode);
  // A worker stops itself after SHUTDOWN_TIMEOUT_MS; this is the backstop if it cannot.
  setTimeout(() => {
    for (const slot of state.slots) slot.worker?.process.kill("SIGKILL");
    process.exit(1);
  }, state.env.shutdownTimeoutMs + 5_000).unref();
}

if (cluster.isPrimary) supervise();
