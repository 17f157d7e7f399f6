// Background work inside the API process: closing requests at their deadline, vacuuming sealed
// storage after releases, reminders to raters, check-in reminders. Each run claims work with
// FOR UPDATE SKIP LOCKED (or by deleting what it claims), so any number of processes can run it
// against one database. Each step logs its own failure and the next step still runs.

import type { Database, Driver } from "@fivefold/db";
import { type RunControl, startPeriodicWorker, type WorkerLog } from "./periodic-worker";
import { closeDueRequests } from "./services/collect/release";
import { vacuumAfterReleases } from "./services/collect/vacuum";
import type { ServiceContext } from "./services/context";
import { advanceCycles } from "./services/cycles/advance";
import { sendCheckinReminders } from "./services/grow/reminders";
import { sendDueReminders } from "./services/mail/reminders";
import { openDuePulses, releaseDuePulses } from "./services/pulses";
import { forgetRecent } from "./services/recent";

export interface JobOptions {
  db: Database;
  driver: Driver;
  appUrl: string;
  /** Opens sealed answers when a request closes at its deadline. */
  sealingSecret: string;
  intervalMs?: number;
  log: WorkerLog;
  /** The clock (the e2e test clock); the real one when omitted. */
  now?: (() => Date) | undefined;
}

interface JobStep {
  /** Logged with the (sanitised) error when the step fails; the run goes on. */
  failure: string;
  run: (control: RunControl) => Promise<void>;
}

function jobSteps(options: JobOptions): JobStep[] {
  let vacuumedAt: Date | null = null;
  const { db, appUrl, log } = options;
  return [
    {
      failure: "closing requests at their deadline failed",
      async run(control) {
        const closed = await closeDueRequests({
          ctx: jobContext(options),
          input: {
            onError: (requestId, error) =>
              control.logError(error, `closing request ${requestId} failed; retrying later`),
            // Each batch is committed on its own: the count says how far a long run got.
            onProgress: (done) => log.info(`Closing requests at their deadline: ${done} so far`),
            // A graceful stop lets the batch in hand commit and starts no other.
            stopping: control.stopping,
          },
        });
        for (const c of closed) log.info(`Closed request ${c.requestId} at its deadline: ${c.outcome}`);
      },
    },
    {
      failure: "moving cycles through their phases failed; retrying later",
      async run(control) {
        const moved = await advanceCycles({
          ctx: jobContext(options),
          input: {
            onError: (requestId, error) =>
              control.logError(error, `moving request ${requestId} with its cycle failed; retrying later`),
          },
        });
        for (const m of moved)
          log.info(`Cycle ${m.cycleId}: ${m.from} → ${m.to} ${JSON.stringify(m.tally.outcomes)}`);
      },
    },
    {
      failure: "opening and releasing perceived-change pulses failed; retrying later",
      async run() {
        const ctx = jobContext(options);
        for (const p of await releaseDuePulses({ ctx })) log.info(`Pulse ${p.pulseId} closed: ${p.outcome}`);
        for (const p of await openDuePulses({ ctx })) log.info(`Pulse ${p.pulseId} opened: ${p.outcome}`);
      },
    },
    {
      failure: "vacuuming sealed storage failed; retrying later",
      async run() {
        const now = clockOf(options)();
        const vacuum = await vacuumAfterReleases(db, { now, lastRunAt: vacuumedAt });
        if (vacuum.outcome === "vacuumed") {
          vacuumedAt = now;
          log.info(`Vacuumed sealed storage after ${vacuum.changes} release(s) or deletion(s)`);
        }
      },
    },
    {
      failure: "sending feedback reminders failed",
      async run() {
        const reminded = await sendDueReminders(db, { now: clockOf(options)(), appUrl });
        if (reminded.length > 0) log.info(`Reminded non-responders of ${reminded.length} request(s)`);
      },
    },
    {
      failure: "sending check-in reminders failed",
      async run() {
        const reminded = await sendCheckinReminders({ ctx: { db, appUrl, now: clockOf(options) } });
        if (reminded.length > 0) log.info(`Sent ${reminded.length} check-in reminder(s)`);
      },
    },
  ];
}

const clockOf = (options: JobOptions): (() => Date) => options.now ?? (() => new Date());

/** The context a job's verbs run in: no caller, the clock of this run. */
function jobContext(options: JobOptions): ServiceContext {
  const now = clockOf(options)();
  return {
    db: options.db,
    driver: options.driver,
    appUrl: options.appUrl,
    mailboxEnabled: false, // no verb a job runs reads it
    sealingSecret: options.sealingSecret,
    memo: new Map(),
    now: () => now,
  };
}

export function startJobs(options: JobOptions): { stop: () => Promise<void>; runNow: () => Promise<void> } {
  const steps = jobSteps(options);
  const worker = startPeriodicWorker({
    intervalMs: options.intervalMs ?? 60_000,
    failureMessage: "background jobs failed",
    log: options.log,
    async run(control) {
      for (const step of steps) {
        try {
          await step.run(control);
        } catch (error) {
          control.logError(error, step.failure);
        }
      }
      // A run may have erased or released something: the recent caches start again.
      forgetRecent();
    },
  });
  return { stop: worker.stop, runNow: worker.runNow };
}
