// Raters answering through their one-time links, as many at once as asked: each opens the form,
// saves a draft, and submits with an idempotency key, sending the submit again with the same key
// after a network error or a 5xx, as the web client does. What the client learned is kept per
// request (acknowledged, unresolved), to hold against what the database stored.
import { getInstrument } from "@fivefold/domain";
import type { Invitation } from "./database";
import { type CallResult, call } from "./http";

const items = getInstrument().dimensions.flatMap((d) => d.items.map((item) => item.id));
export const fullAnswers = (score: number) => items.map((itemId) => ({ itemId, score }));

/** The web client's pauses, shortened: the same idea, at load-test speed. */
const RETRY_PAUSES_MS = [100, 400, 1_000];

export class LoadStats {
  /** HTTP calls made. */
  calls = 0;
  /** Calls that failed for another reason than the expected answer (network, 5xx, timeout). */
  errors = 0;
  /** Calls that ran into the client deadline: a hang. */
  hangs = 0;
  /** Which procedures hung, to find out why. */
  hungPaths = new Map<string, number>();
  slowestMs = 0;
  codes = new Map<string, number>();
  acked = new Map<string, number>();
  /** Submits whose outcome the client never learned (every attempt failed). */
  unresolved = new Map<string, number>();
  /** Submits answered CONFLICT although the invitation was fresh, or the retry carried its key. */
  unexpectedConflicts = 0;
  /** performance.now() of every acknowledged submit, for recovery times. */
  ackTimes: number[] = [];
  latencies: number[] = [];
  /** When each call started and ended, and whether it got its answer (expected refusals count). */
  timeline: Array<{ start: number; end: number; ok: boolean; code: string | null }> = [];

  record(result: CallResult, expected = false): void {
    const end = performance.now();
    this.timeline.push({ start: end - result.ms, end, ok: result.ok || expected, code: result.code });
    this.calls++;
    this.latencies.push(result.ms);
    this.slowestMs = Math.max(this.slowestMs, result.ms);
    if (result.ok || expected) return;
    this.errors++;
    const code = result.code ?? "unknown";
    this.codes.set(code, (this.codes.get(code) ?? 0) + 1);
    if (code === "TIMEOUT") {
      this.hangs++;
      this.hungPaths.set(result.path, (this.hungPaths.get(result.path) ?? 0) + 1);
    }
  }

  get ackedTotal(): number {
    return [...this.acked.values()].reduce((a, b) => a + b, 0);
  }

  percentile(p: number): number {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  }

  describeErrors(): string {
    const hung = [...this.hungPaths.entries()].map(([path, n]) => `${path} ${n}`).join(", ");
    return (
      [...this.codes.entries()].map(([code, n]) => `${code} ${n}`).join(", ") +
      (hung ? ` (hung: ${hung})` : "")
    );
  }
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** Submits one invitation with its own key until it is acknowledged, refused, or out of retries. */
export async function submitWithRetries(
  base: string,
  invitation: Invitation,
  stats: LoadStats,
  options: { timeoutMs: number; idempotencyKey?: string; score?: number },
): Promise<"acked" | "conflict" | "unresolved"> {
  const idempotencyKey = options.idempotencyKey ?? crypto.randomUUID();
  for (let attempt = 0; ; attempt++) {
    const result = await call(
      base,
      "responses.submitByToken",
      { token: invitation.token, answers: fullAnswers(options.score ?? 4), idempotencyKey },
      { timeoutMs: options.timeoutMs },
    );
    const refused = result.status >= 400 && result.status < 500;
    stats.record(result, refused && result.code === "CONFLICT");
    if (result.ok) {
      bump(stats.acked, invitation.requestId);
      stats.ackTimes.push(performance.now());
      return "acked";
    }
    if (result.code === "CONFLICT") return "conflict";
    if (refused || attempt >= RETRY_PAUSES_MS.length) {
      bump(stats.unresolved, invitation.requestId);
      return "unresolved";
    }
    await new Promise((r) => setTimeout(r, RETRY_PAUSES_MS[attempt]));
  }
}

export interface RaterLoad {
  stats: LoadStats;
  /** Resolves once every rater has finished its current submit. */
  stop(): Promise<void>;
  done: Promise<void>;
}

/**
 * `raters` raters answer invitations from `pool` (each once) until `durationMs` has passed, the
 * pool is empty, or stop() is called.
 */
export function startRaters(options: {
  base: string | (() => string);
  pool: Invitation[];
  raters: number;
  durationMs: number;
  timeoutMs?: number;
  withForm?: boolean;
}): RaterLoad {
  const stats = new LoadStats();
  const base = typeof options.base === "string" ? () => options.base as string : options.base;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const end = performance.now() + options.durationMs;
  let stopped = false;
  const one = async () => {
    while (!stopped && performance.now() < end) {
      const invitation = options.pool.shift();
      if (!invitation) return;
      if (options.withForm !== false) {
        stats.record(
          await call(
            base(),
            "responses.getByToken",
            { token: invitation.token },
            { method: "GET", timeoutMs },
          ),
        );
      }
      const outcome = await submitWithRetries(base(), invitation, stats, { timeoutMs });
      if (outcome === "conflict") stats.unexpectedConflicts++;
    }
  };
  const done = Promise.all(Array.from({ length: options.raters }, one)).then(() => {});
  return {
    stats,
    done,
    async stop() {
      stopped = true;
      await done;
    },
  };
}

/** Per request: acknowledged submits the database does not hold, and stored ones nobody was told of. */
export function compare(
  stats: LoadStats,
  stored: { sealed: Map<string, number>; submitted: Map<string, number> },
  requestIds: string[],
) {
  let lost = 0;
  let doubled = 0;
  let partial = 0;
  for (const requestId of requestIds) {
    const acked = stats.acked.get(requestId) ?? 0;
    const unresolved = stats.unresolved.get(requestId) ?? 0;
    const sealed = stored.sealed.get(requestId) ?? 0;
    lost += Math.max(0, acked - sealed);
    // A submit whose answer never arrived may have been stored: that is not a double.
    doubled += Math.max(0, sealed - acked - unresolved);
    // A response without its invitation marked, or the reverse: half a submit.
    if (sealed !== (stored.submitted.get(requestId) ?? 0)) partial++;
  }
  return { lost, doubled, partial };
}
