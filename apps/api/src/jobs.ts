// Background work inside the API process: closing requests at their deadline, vacuuming sealed
// storage after releases, reminders to raters, check-in reminders. Each run claims work with
// FOR UPDATE SKIP LOCKED (or by deleting what it claims), so any number of processes can run it
// against one database.
import { type Database, sanitiseDatabaseError } from "@fivefold/db";
import { closeDueRequests } from "./features/collect/release";
import { vacuumAfterReleases } from "./features/collect/vacuum";
import { sendCheckinReminders } from "./features/grow/reminders";
import { sendDueReminders } from "./services/mail/reminders";

export interface JobOptions {
  db: Database;
  appUrl: string;
  /** Opens sealed answers when a request closes at its deadline. */
  sealingSecret: string;
  intervalMs?: number;
  log: { info: (msg: string) => void; error: (err: unknown, msg: string) => void };
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
        const closed = await closeDueRequests(options.db, {
          now: new Date(),
          appUrl: options.appUrl,
          sealingSecret: options.sealingSecret,
          onError: (requestId, error) =>
            logError(error, `closing request ${requestId} failed; retrying later`),
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
        const reminded = await sendCheckinReminders(options.db, { now: new Date(), appUrl: options.appUrl });
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
