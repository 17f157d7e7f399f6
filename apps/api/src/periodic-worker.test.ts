// The periodic worker behind the jobs and the outbox: runs at once, never overlaps itself, logs a
// failed run and carries on, and a stop waits for the run in hand and starts no other.
import { describe, expect, it } from "vitest";
import { startPeriodicWorker } from "./periodic-worker";

const quiet = { info: () => {}, error: () => {} };

describe("periodic worker", () => {
  it("runs at once and again after the interval, one run at a time", async () => {
    let runs = 0;
    let inFlight = 0;
    let most = 0;
    const worker = startPeriodicWorker({
      intervalMs: 20,
      failureMessage: "failed",
      log: quiet,
      async run() {
        runs++;
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 30));
        inFlight--;
      },
    });
    expect(runs).toBe(1);
    worker.kick(); // a run is in progress: ignored
    expect(runs).toBe(1);
    await expect.poll(() => runs, { timeout: 15_000, interval: 10 }).toBeGreaterThanOrEqual(3);
    await worker.stop();
    expect(most).toBe(1);
  });

  it("runs once more on demand after the run in hand, and is done when that run is (the e2e clock waits for it)", async () => {
    const started: number[] = [];
    let finished = 0;
    let inFlight = 0;
    let most = 0;
    const worker = startPeriodicWorker({
      intervalMs: 60_000,
      failureMessage: "failed",
      log: quiet,
      async run() {
        started.push(Date.now());
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 30));
        inFlight--;
        finished++;
      },
    });
    expect(started).toHaveLength(1); // the first run is in progress
    await worker.runNow();
    expect(finished).toBe(2);
    expect(most).toBe(1);
    await worker.stop();
    await worker.runNow(); // stopped: nothing more runs
    expect(started).toHaveLength(2);
  });

  // That the logged error loses a failed query's parameters is shown on a real database in logs.test.ts.
  it("logs a failed run and keeps going", async () => {
    const errors: Array<{ error: unknown; msg: string }> = [];
    let runs = 0;
    const failure = new Error("the database went away");
    const worker = startPeriodicWorker({
      intervalMs: 10,
      failureMessage: "the run failed",
      log: { info: () => {}, error: (error, msg) => errors.push({ error, msg }) },
      async run() {
        runs++;
        throw failure;
      },
    });
    await expect.poll(() => runs, { timeout: 15_000, interval: 5 }).toBeGreaterThanOrEqual(2);
    await worker.stop();
    expect(errors[0]).toEqual({ error: failure, msg: "the run failed" });
  });

  it("stops after the run in hand, which sees that it should stop, and starts no other", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const seen: boolean[] = [];
    let runs = 0;
    const worker = startPeriodicWorker({
      intervalMs: 10,
      failureMessage: "failed",
      log: quiet,
      async run(control) {
        runs++;
        await gate;
        seen.push(control.stopping());
      },
    });
    const stopped = worker.stop();
    release();
    await stopped;
    worker.kick();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runs).toBe(1);
    expect(seen).toEqual([true]);
  });
});
