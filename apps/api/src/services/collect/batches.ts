// Working through many requests in batches, each batch claimed FOR UPDATE SKIP LOCKED and written
// in one transaction of its own: a crash or a failure loses at most the batch in hand, and every
// request in it is then either released or untouched, never half. A batch that fails as a whole (a
// write refused by the database) is rolled back and its requests are tried again one by one, so
// one bad request holds up nobody; what fails alone is reported and skipped for the rest of the run.
import { nowOf, type ServiceContext, withTransaction } from "../context";
import type { FeedbackRequestRow } from "./access";

export interface BatchRun<O extends string> {
  /** Claims up to `limit` requests (only those of `only` when given), none of `except`. */
  claim: (
    ctx: ServiceContext,
    input: { except: readonly string[]; limit: number; only?: readonly string[] },
  ) => Promise<FeedbackRequestRow[]>;
  /** Works on the claimed requests inside the batch's transaction. */
  work: (
    ctx: ServiceContext,
    requests: readonly FeedbackRequestRow[],
  ) => Promise<{
    done: Array<{ requestId: string; outcome: O }>;
    failed: Array<{ requestId: string; error: unknown }>;
  }>;
  batchSize: number;
  /** The most requests one run works on. */
  limit: number;
  onError?: (requestId: string, error: unknown) => void;
  /** After each committed batch: how many requests are done so far in this run. */
  onProgress?: (done: number) => void;
  /** Batches in flight at once (default 1). */
  workers?: number;
  /** True once the process is stopping: the batches in hand finish, no other starts. */
  stopping?: () => boolean;
}

export const RELEASE_BATCH_SIZE = 200;

/** Two batches in flight on Postgres (one aggregates while the other waits on the database); PGlite has one connection. */
export const releaseWorkers = (ctx: Pick<ServiceContext, "driver">) => (ctx.driver === "pglite" ? 1 : 2);

/** One request per subject in a batch: a later one must see the earlier one's report (rule 10). */
function onePerSubject(requests: readonly FeedbackRequestRow[]): FeedbackRequestRow[] {
  const seen = new Set<string>();
  return requests.filter((request) => {
    const key = `${request.orgId}:${request.subjectId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Runs the batches with `workers` of them in flight at once (each its own transaction and
 * connection): while one batch is aggregated in this process, the database reads or writes
 * another. Requests a failed batch held are tried one by one and never again in a batch.
 */
export async function inBatches<O extends string>(
  root: ServiceContext,
  run: BatchRun<O>,
): Promise<Array<{ requestId: string; outcome: O }>> {
  // Every batch closes at the same moment: the run's.
  const now = nowOf(root);
  const ctx: ServiceContext = { ...root, now: () => now };
  const results: Array<{ requestId: string; outcome: O }> = [];
  const failed: string[] = [];
  const isolated = new Set<string>();
  const queue: string[] = [];
  let stopped = false;
  const worker = async () => {
    while (!stopped && !run.stopping?.() && results.length + failed.length < run.limit) {
      const only = queue.length > 0 ? [queue.shift() as string] : undefined;
      const outcome = await oneBatch(ctx, run, {
        ...(only ? { only } : {}),
        except: only ? failed : [...failed, ...isolated],
        limit: only ? 1 : Math.min(run.batchSize, run.limit - results.length - failed.length),
      });
      if (outcome.kind === "none") {
        if (only || queue.length > 0) continue; // taken by another process meanwhile, or more to isolate
        return;
      }
      if (outcome.kind === "refused") {
        for (const id of outcome.claimed) {
          isolated.add(id);
          queue.push(id);
        }
        continue;
      }
      for (const failure of outcome.failed) {
        failed.push(failure.requestId);
        run.onError?.(failure.requestId, failure.error);
      }
      results.push(...outcome.done);
      // Outside the batch: whatever happens here (a stop, a crash), the batch is committed.
      try {
        run.onProgress?.(results.length);
      } catch (error) {
        stopped = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, run.workers ?? 1) }, worker));
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (rejected) throw rejected.reason;
  return results;
}

type BatchOutcome<O extends string> =
  | { kind: "none" }
  | { kind: "refused"; claimed: string[] }
  | {
      kind: "done";
      done: Array<{ requestId: string; outcome: O }>;
      failed: Array<{ requestId: string; error: unknown }>;
    };

/** One batch in its own transaction; a batch of several that the database refuses is rolled back. */
async function oneBatch<O extends string>(
  ctx: ServiceContext,
  run: BatchRun<O>,
  claim: { except: readonly string[]; limit: number; only?: readonly string[] },
): Promise<BatchOutcome<O>> {
  let claimed: string[] = [];
  try {
    const batch = await withTransaction(ctx, async (tx) => {
      const rows = onePerSubject(await run.claim(tx, claim));
      claimed = rows.map((row) => row.id);
      return rows.length === 0 ? null : run.work(tx, rows);
    });
    return batch === null ? { kind: "none" } : { kind: "done", ...batch };
  } catch (error) {
    if (claimed.length === 0) throw error;
    if (claimed.length > 1) return { kind: "refused", claimed };
    return { kind: "done", done: [], failed: [{ requestId: claimed[0] as string, error }] };
  }
}
