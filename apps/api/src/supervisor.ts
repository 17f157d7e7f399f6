// `pnpm start`: a small supervisor (node:cluster) running WORKERS API processes on one port. A
// worker that dies is replaced, after a pause that doubles while it keeps dying young (never a tight
// loop). SIGTERM or SIGINT is passed on to every worker, which drains; the supervisor exits when
// they have. Settings are checked here first, so a setting that cannot work stops everything once.
import cluster, { type Worker } from "node:cluster";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, EXIT_CONFIG, readEnv } from "./env";
import { crashesAfter, restartPauseMs } from "./restarts";

function supervise(): void {
  let env: ReturnType<typeof readEnv>;
  try {
    env = readEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(EXIT_CONFIG);
  }
  const say = (message: string) => console.log(`Supervisor: ${message}`);
  // The worker is main.js next to this file (or main.ts under tsx).
  const here = fileURLToPath(import.meta.url);
  cluster.setupPrimary({ exec: here.replace(/supervisor(\.[cm]?[jt]s)$/, `main${extname(here)}`) });

  interface Slot {
    worker: Worker | null;
    ready: boolean;
    startedAt: number;
    crashes: number;
    timer: NodeJS.Timeout | null;
  }
  const slots: Slot[] = Array.from({ length: env.workers }, () => ({
    worker: null,
    ready: false,
    startedAt: 0,
    crashes: 0,
    timer: null,
  }));
  let stopping = false;
  let readyOnce = false;
  /** The supervisor's exit code once every worker has stopped. */
  let exitCode = 0;

  const start = (index: number) => {
    const slot = slots[index];
    if (!slot || stopping) return;
    slot.timer = null;
    slot.startedAt = Date.now();
    const worker = cluster.fork({ FIVEFOLD_WORKER_SLOT: String(index) });
    slot.worker = worker;
    slot.ready = false;
    say(`worker ${worker.process.pid} started (${index + 1} of ${env.workers})`);
    worker.on("message", (message: unknown) => {
      if ((message as { fivefold?: string } | null)?.fivefold !== "ready") return;
      slot.ready = true;
      say(`worker ${worker.process.pid} ready`);
      if (!readyOnce && slots.every((s) => s.ready)) {
        readyOnce = true;
        say(`${env.workers} worker${env.workers === 1 ? "" : "s"} serving on port ${env.port}`);
      }
    });
    worker.on("exit", (code, signal) => {
      slot.worker = null;
      slot.ready = false;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      if (stopping) {
        if (code !== 0 && exitCode === 0) exitCode = 1;
        say(`worker ${worker.process.pid} stopped (${how})`);
        if (slots.every((s) => s.worker === null)) process.exit(exitCode);
        return;
      }
      if (code === EXIT_CONFIG) {
        // It said why; starting it again would only say it again.
        exitCode = EXIT_CONFIG;
        shutdown(`worker ${worker.process.pid} cannot run as configured (${how})`);
        return;
      }
      slot.crashes = crashesAfter(slot.crashes, Date.now() - slot.startedAt);
      const pause = restartPauseMs(slot.crashes);
      say(`worker ${worker.process.pid} exited (${how}); restarting in ${pause} ms`);
      slot.timer = setTimeout(() => start(index), pause);
    });
  };

  const shutdown = (reason: string) => {
    if (stopping) return;
    stopping = true;
    say(`${reason}: stopping the workers`);
    for (const slot of slots) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      slot.worker?.process.kill("SIGTERM");
    }
    if (slots.every((s) => s.worker === null)) process.exit(exitCode);
    // A worker stops itself after SHUTDOWN_TIMEOUT_MS; this is the backstop if it cannot.
    setTimeout(() => {
      for (const slot of slots) slot.worker?.process.kill("SIGKILL");
      process.exit(1);
    }, env.shutdownTimeoutMs + 5_000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));

  say(
    `starting ${env.workers} worker${env.workers === 1 ? "" : "s"} (${env.driver === "pglite" ? "embedded database: one process" : "Postgres"})`,
  );
  for (let index = 0; index < env.workers; index++) start(index);
}

if (cluster.isPrimary) supervise();
