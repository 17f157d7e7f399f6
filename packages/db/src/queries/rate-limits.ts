// Rate-limit buckets shared by every API process: a hit is one statement that starts a new window
// when the old one has passed, so two processes counting at once both count.
import { and, gt, inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { rateLimitBuckets } from "../schema";
import { readOneRateLimitBucket } from "./prepared-submit";

export interface BucketCount {
  key: string;
  hits: number;
  resetsAt: Date;
}

/**
 * Counts one hit into each bucket (a window of `windowMs` starts at the first hit) and returns
 * each bucket's count so far in its window. Keys are taken in one order, so two callers hitting
 * the same buckets never wait on each other in a circle.
 */
export async function hitRateLimitBuckets(
  db: Executor,
  buckets: ReadonlyArray<{ key: string; windowMs: number }>,
): Promise<BucketCount[]> {
  const unique = [...new Map(buckets.map((b) => [b.key, b])).values()].sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  if (unique.length === 0) return [];
  const expired = sql`${rateLimitBuckets.resetsAt} <= now()`;
  return db
    .insert(rateLimitBuckets)
    .values(
      unique.map((b) => ({
        key: b.key,
        hits: 1,
        resetsAt: sql`now() + ${Math.max(1, Math.round(b.windowMs))}::integer * interval '1 millisecond'`,
      })),
    )
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${rateLimitBuckets.hits} + 1 end`,
        resetsAt: sql`case when ${expired} then excluded.resets_at else ${rateLimitBuckets.resetsAt} end`,
      },
    })
    .returning({
      key: rateLimitBuckets.key,
      hits: rateLimitBuckets.hits,
      resetsAt: rateLimitBuckets.resetsAt,
    });
}

/**
 * The counts of these buckets in their current windows (a bucket whose window has passed is absent).
 * One bucket (the check of a link call's misses) is read with a prepared statement: one round trip.
 */
export async function readRateLimitBuckets(db: Executor, keys: readonly string[]): Promise<BucketCount[]> {
  if (keys.length === 0) return [];
  if (keys.length === 1) return readOneRateLimitBucket(db, keys[0] as string);
  return db
    .select({ key: rateLimitBuckets.key, hits: rateLimitBuckets.hits, resetsAt: rateLimitBuckets.resetsAt })
    .from(rateLimitBuckets)
    .where(and(inArray(rateLimitBuckets.key, [...keys]), gt(rateLimitBuckets.resetsAt, sql`now()`)));
}

/** Takes one hit back from each bucket still in its window (an attempt that turned out not to count). */
export async function refundRateLimitBuckets(db: Executor, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .update(rateLimitBuckets)
    .set({ hits: sql`greatest(${rateLimitBuckets.hits} - 1, 0)` })
    .where(sql`${inArray(rateLimitBuckets.key, [...keys])} and ${rateLimitBuckets.resetsAt} > now()`);
}

/** Deletes buckets whose window ended before `before`; returns how many. */
export async function deleteExpiredRateLimitBuckets(db: Executor, before: Date): Promise<number> {
  const deleted = await db
    .delete(rateLimitBuckets)
    .where(lt(rateLimitBuckets.resetsAt, before))
    .returning({ key: rateLimitBuckets.key });
  return deleted.length;
}
