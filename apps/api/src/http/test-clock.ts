// The test clock's endpoint (registered only when FIVEFOLD_TEST_CLOCK=1): POST /__test/clock with
// { "days": n } moves the server's clock n days forward and then runs the background jobs once, as
// they would run once that day came, answering when they are done; GET tells the clock's time.
// Loopback callers only, whatever proxy headers say; a JSON body only, so a page of another site
// cannot post it from a developer's browser (that would need a CORS pre-flight nobody answers).
import type { FastifyInstance, FastifyRequest } from "fastify";
import { DAY_MS, type TestClock } from "../test-clock";

export const TEST_CLOCK_PATH = "/__test/clock";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

export interface TestClockControl {
  clock: TestClock;
  /** Runs the jobs once on the moved clock (the cycles' calendar among them). */
  runJobs: () => Promise<void>;
}

function fromLoopback(req: FastifyRequest): boolean {
  // The socket's own peer: X-Forwarded-For is never asked.
  return LOOPBACK.has(req.socket.remoteAddress ?? "");
}

export function registerTestClock(app: FastifyInstance, control: TestClockControl): void {
  app.get(TEST_CLOCK_PATH, async (req, reply) => {
    if (!fromLoopback(req)) return reply.status(403).send({ error: "The test clock answers loopback only" });
    return { now: control.clock.now().toISOString() };
  });
  app.post(TEST_CLOCK_PATH, async (req, reply) => {
    if (!fromLoopback(req)) return reply.status(403).send({ error: "The test clock answers loopback only" });
    if (!req.headers["content-type"]?.startsWith("application/json")) {
      return reply.status(415).send({ error: 'Send JSON: { "days": 1 }' });
    }
    const days = (req.body as { days?: unknown } | null)?.days;
    if (typeof days !== "number" || !Number.isInteger(days) || days < 1 || days > 400) {
      return reply
        .status(400)
        .send({ error: "days: a whole number from 1 to 400 (the clock moves forward only)" });
    }
    const now = control.clock.advance(days * DAY_MS);
    req.log.warn({ days, now: now.toISOString() }, "test clock moved forward");
    await control.runJobs();
    return { now: now.toISOString() };
  });
}
