// Where an API process is in its life. It listens as soon as its database is open, before it has
// migrated (and, on a first start, seeded the demo): until then it is starting, and from SIGTERM
// on it is draining. /readyz reports it; API calls that arrive while starting wait for it.
export type Phase = "starting" | "ready" | "draining";

export class Readiness {
  private waiters: Array<(ready: boolean) => void> = [];

  constructor(
    public phase: Phase = "starting",
    /** What it is doing while starting, for /readyz. */
    public detail: string | undefined = undefined,
  ) {}

  ready(): void {
    this.phase = "ready";
    this.detail = undefined;
    this.release(true);
  }

  drain(): void {
    this.phase = "draining";
    this.release(false);
  }

  /** True once ready; false if it is not within `timeoutMs` (or starts draining first). */
  whenReady(timeoutMs: number): Promise<boolean> {
    if (this.phase !== "starting") return Promise.resolve(this.phase === "ready");
    if (timeoutMs <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== settle);
        resolve(false);
      }, timeoutMs);
      const settle = (ready: boolean) => {
        clearTimeout(timer);
        resolve(ready);
      };
      this.waiters.push(settle);
    });
  }

  private release(ready: boolean): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const settle of waiters) settle(ready);
  }
}
