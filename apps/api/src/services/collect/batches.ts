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
}

export const RELEASE_BATCH_SIZE = 200;

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

export async function inBatches<O extends string>(
  root: ServiceContext,
  run: BatchRun<O>,
): Promise<Array<{ requestId: string; outcome: O }>> {
  // Every batch closes at the same moment: the run's.
  const now = nowOf(root);
  const ctx: ServiceContext = { ...root, now: () => now };
  const results: Array<{ requestId: string; outcome: O }> = [];
  const failed: string[] = [];
  const alone: string[] = [];
  while (results.length + failed.length < run.limit) {
    const only = alone.length > 0 ? [alone.shift() as string] : undefined;
    let claimed: string[] = [];
    try {
      const batch = await withTransaction(ctx, async (tx) => {
        const limit = only ? 1 : Math.min(run.batchSize, run.limit - results.length - failed.length);
        const rows = onePerSubject(await run.claim(tx, { except: failed, limit, ...(only ? { only } : {}) }));
        claimed = rows.map((row) => row.id);
        return rows.length === 0 ? null : run.work(tx, rows);
      });
      if (batch === null) {
        if (only) continue; // taken by another process meanwhile
        break;
      }
      for (const failure of batch.failed) {
        failed.push(failure.requestId);
        run.onError?.(failure.requestId, failure.error);
      }
      results.push(...batch.done);
    } catch (error) {
      if (claimed.length === 0) throw error;
      if (claimed.length > 1) {
        alone.push(...claimed);
        continue;
      }
      failed.push(claimed[0] as string);
      run.onError?.(claimed[0] as string, error);
    }
    // Outside the batch: whatever happens here (a stop, a crash), the batch is committed.
    run.onProgress?.(results.length);
  }
  return results;
}
