// The server's notion of "now" that an end-to-end journey may move forward, so a cycle can pass
// its days in a test the way it would in a month: the services and the jobs read this clock
// (through the context's `now`), nothing fakes the browser's. Off unless FIVEFOLD_TEST_CLOCK=1,
// which env.ts allows only on a loopback address with an in-memory database (docs/security.md).

/** A day in milliseconds: journeys move the clock by whole days. */
export const DAY_MS = 86_400_000;

export class TestClock {
  private offsetMs = 0;

  /** The moved time: the real time plus every advance so far. */
  readonly now = (): Date => new Date(Date.now() + this.offsetMs);

  /** Moves forward only: a clock that went back would reopen what the calendar had closed. */
  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms <= 0) throw new RangeError("The test clock moves forward only");
    this.offsetMs += ms;
    return this.now();
  }
}
