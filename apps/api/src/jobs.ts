// Background work inside the API process: closing requests at their deadline, vacuuming sealed
// storage after releases, reminders to raters, check-in reminders. Each run claims work with
// FOR UPDATE SKIP LOCKED (or by deleting what it claims), so any number of processes can run it
// against one database.
import { type Database, type Driver, sanitiseDatabaseError } from "@fivefold/db";
import { sendDueReminders } from "./features/notify/reminders";
import { closeDueRequests } from "./services/collect/release";
import { vacuumAfterReleases } from "./services/collect/vacuum";
import type { ServiceContext } from "./services/context";
import { sendCheckinReminders } from "./services/grow/reminders";

export interface JobOptions {
  db: Database;
  driver: Driver;
  appUrl: string;
  /** Opens sealed answers when a request closes at its deadline. */
  sealingSecret: string;
  intervalMs?: number;
  log: { info: (msg: string) => void; error: (err: unknown, msg: string) => void };
}

/** The context a job's verbs run in: no caller, the clock of this run. */
function jobContext(options: JobOptions): ServiceContext {
  const now = new Date();
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

export function startJobs(options: JobOptions): { stop: () => Promise<void> } {
  let running: Promise<void> | null = null;
  let vacuumedAt: Date | null = null;
  // Every error is logged without the values a database error carries.
  const logError = (error: unknown, msg: string) => options.log.error(sanitiseDatabaseError(error), msg);
  const tick = () => {
    if (running) return; // never overlap runs in one process
    running = (async () => {
      try {
        const closed = await closeDueRequests({
          ctx: jobContext(options),
          input: {
            onError: (requestId, error) =>
              logError(error, `closing request ${requestId} failed; retrying later`),
          },
        });
        for (const c of closed)
          options.log.info(`Closed request ${c.requestId} at its deadline: ${c.outcome}`);
      } catch (error) {
        logError(error, "closing requests at their deadline failed");
      }
      try {
        const now = new Date();
        const vacuum = await vacuumAfterReleases(options.db, { now, lastRunAt: vacuumedAt });
        if (vacuum.outcome === "vacuumed") {
          vacuumedAt = now;
          options.log.info(`Vacuumed sealed storage after ${vacuum.changes} release(s) or deletion(s)`);
        }
      } catch (error) {
        logError(error, "vacuuming sealed storage failed; retrying later");
      }
      try {
        const reminded = await sendDueReminders(options.db, { now: new Date(), appUrl: options.appUrl });
        if (reminded.length > 0) options.log.info(`Reminded non-responders of ${reminded.length} request(s)`);
      } catch (error) {
        logError(error, "sending feedback reminders failed");
      }
      try {
        const reminded = await sendCheckinReminders({ ctx: { db: options.db, appUrl: options.appUrl } });
        if (reminded.length > 0) options.log.info(`Sent ${reminded.length} check-in reminder(s)`);
      } catch (error) {
        logError(error, "sending check-in reminders failed");
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
