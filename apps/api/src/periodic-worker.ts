// The one loop behind the background work of an API process (the jobs, the outbox worker): run now,
// then again every interval (plus a little jitter, so processes started together drift apart);
// never two runs at once in one process; errors logged without the values a database error
// carries; and a graceful stop that lets the run in progress finish and starts no other.
import { sanitiseDatabaseError } from "@fivefold/db";

export interface WorkerLog {
  info: (msg: string) => void;
  error: (err: unknown, msg: string) => void;
}

export interface RunControl {
  /** True once `stop` was called: finish what is in hand, take nothing new. */
  stopping: () => boolean;
  /** Logs an error the run handled itself (sanitised like the worker's own). */
  logError: (error: unknown, msg: string) => void;
}

export interface PeriodicWorkerOptions {
  intervalMs: number;
  /** Up to this fraction of the interval is added at random to each wait (default 0.1). */
  jitter?: number;
  run: (control: RunControl) => Promise<void>;
  /** Logged, with the sanitised error, when a run throws. */
  failureMessage: string;
  log: WorkerLog;
}

export interface PeriodicWorker {
  /** Runs now, unless a run is in progress or the worker stopped. */
  kick: () => void;
  /** Waits for the run in progress, then runs once more (unless stopped); done when that run is. */
  runNow: () => Promise<void>;
  /** Lets the run in progress finish; no run starts after. */
  stop: () => Promise<void>;
}

export function startPeriodicWorker(options: PeriodicWorkerOptions): PeriodicWorker {
  let running: Promise<void> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const control: RunControl = {
    stopping: () => stopped,
    logError: (error, msg) => options.log.error(sanitiseDatabaseError(error), msg),
  };
  const tick = () => {
    if (running || stopped) return; // never overlap runs in one process
    running = (async () => {
      try {
        await options.run(control);
      } catch (error) {
        control.logError(error, options.failureMessage);
      } finally {
        running = null;
      }
    })();
  };
  const schedule = () => {
    if (stopped) return;
    const jitter = options.intervalMs * (options.jitter ?? 0.1) * Math.random();
    timer = setTimeout(() => {
      tick();
      schedule();
    }, options.intervalMs + jitter);
    timer.unref();
  };
  tick();
  schedule();
  return {
    kick: tick,
    async runNow() {
      while (running) await running;
      if (stopped) return;
      tick();
      await running;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
