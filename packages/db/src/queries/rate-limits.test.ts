// Rate-limit buckets: hits from many connections at once all count, a window ends and a new one
// starts, and a refund never takes a count below zero or into a new window.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { createTestDatabase, testDriver } from "../testing";
import {
  deleteExpiredRateLimitBuckets,
  hitRateLimitBuckets,
  readRateLimitBuckets,
  refundRateLimitBuckets,
} from "./rate-limits";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe(`rate-limit buckets on ${testDriver()}`, () => {
  it("counts every one of 40 hits sent at once (on Postgres over many connections), in one window", async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        hitRateLimitBuckets(handle.db, [
          { key: "test:a", windowMs: 60_000 },
          { key: "test:b", windowMs: 60_000 },
        ]),
      ),
    );
    const hitsOfA = results
      .map((r) => r.find((c) => c.key === "test:a")?.hits)
      .sort((x, y) => (x ?? 0) - (y ?? 0));
    expect(hitsOfA).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const [a] = await readRateLimitBuckets(handle.db, ["test:a"]);
    expect(a?.hits).toBe(40);
    expect(new Set(results.map((r) => r[0]?.resetsAt.getTime())).size).toBe(1);
  });

  it("starts a new window once the old one has passed, and refunds only within a window, never below zero", async () => {
    const [first] = await hitRateLimitBuckets(handle.db, [{ key: "test:w", windowMs: 300 }]);
    await hitRateLimitBuckets(handle.db, [{ key: "test:w", windowMs: 300 }]);
    await refundRateLimitBuckets(handle.db, ["test:w"]);
    await refundRateLimitBuckets(handle.db, ["test:w"]);
    await refundRateLimitBuckets(handle.db, ["test:w"]);
    expect((await readRateLimitBuckets(handle.db, ["test:w"]))[0]?.hits).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await readRateLimitBuckets(handle.db, ["test:w"])).toEqual([]);
    const [next] = await hitRateLimitBuckets(handle.db, [{ key: "test:w", windowMs: 300 }]);
    expect(next?.hits).toBe(1);
    expect(next?.resetsAt.getTime()).toBeGreaterThan(first?.resetsAt.getTime() ?? 0);
    expect(await deleteExpiredRateLimitBuckets(handle.db, new Date(Date.now() + 1_000))).toBeGreaterThan(0);
  });
});
