// The recent caches (services/recent.ts): what a change must never leave behind. The HTTP side
// (a deactivation, a lost role, the admins' setting, each applied at the very next read) is
// report-etag.test.ts and session.test.ts, through the server.
import { describe, expect, it } from "vitest";
import { SESSION_CACHE_SECONDS } from "../auth";
import { forgetRecent, RECENT_SECONDS, RecentCache } from "./recent";

const always = () => true;

describe("recent caches", () => {
  it("live no longer than the signed session cookie, so one bound covers both", () => {
    expect(RECENT_SECONDS).toBeLessThanOrEqual(SESSION_CACHE_SECONDS);
  });

  it("a stale membership in another process: an entry is loaded again once it is RECENT_SECONDS old", async () => {
    let now = 0;
    const cache = new RecentCache<string>(10, RECENT_SECONDS * 1000, () => now);
    let loads = 0;
    const load = async () => `value ${++loads}`;
    expect(await cache.get("k", load, always)).toBe("value 1");
    now = RECENT_SECONDS * 1000 - 1;
    expect(await cache.get("k", load, always)).toBe("value 1");
    now = RECENT_SECONDS * 1000;
    expect(await cache.get("k", load, always)).toBe("value 2");
  });

  it("a change in this process: every cache forgets at once", async () => {
    const a = new RecentCache<string>();
    const b = new RecentCache<string>();
    await a.get("k", async () => "a", always);
    await b.get("k", async () => "b", always);
    forgetRecent();
    expect(a.size).toBe(0);
    expect(b.size).toBe(0);
    expect(await a.get("k", async () => "a again", always)).toBe("a again");
  });

  it("a read racing a change: what was loaded before the change committed is not kept after it", async () => {
    const cache = new RecentCache<string>();
    const loaded = await cache.get(
      "member",
      async () => {
        const before = "active member";
        forgetRecent(); // a deactivation commits while this read is on its way back
        return before;
      },
      always,
    );
    expect(loaded).toBe("active member"); // this one call answers as it was asked
    expect(cache.size).toBe(0);
    expect(await cache.get("member", async () => "deactivated", always)).toBe("deactivated");
  });

  it("a stampede: concurrent misses of one key load once, but a read after a change never joins a load from before it", async () => {
    const cache = new RecentCache<string>();
    let loads = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = async () => {
      loads++;
      await gate;
      return `value ${loads}`;
    };
    const first = cache.get("team", slow, always);
    const second = cache.get("team", slow, always);
    forgetRecent(); // a change commits while the load is under way
    const third = cache.get("team", async () => "after the change", always);
    release();
    expect(await Promise.all([first, second, third])).toEqual(["value 1", "value 1", "after the change"]);
    expect(loads).toBe(1);
  });

  it("keeps only what it is told it may (no refusal, no report that is not released yet)", async () => {
    const cache = new RecentCache<string | null>();
    await cache.get(
      "nobody",
      async () => null,
      (value) => value !== null,
    );
    expect(cache.size).toBe(0);
  });

  it("is bounded: the oldest entry goes first", async () => {
    const cache = new RecentCache<number>(3);
    for (const n of [1, 2, 3, 4]) await cache.get(`k${n}`, async () => n, always);
    expect(cache.size).toBe(3);
    expect(await cache.get("k1", async () => 10, always)).toBe(10);
    expect(await cache.get("k4", async () => 40, always)).toBe(4);
  });

  it("a herd after a change: readers missing at once share one load, and none joins a load begun before a change", async () => {
    const cache = new RecentCache<string>();
    let loads = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const load = async () => {
      const n = ++loads;
      await gate;
      return `value ${n}`;
    };
    const first = [cache.get("k", load, always), cache.get("k", load, always), cache.get("k", load, always)];
    expect(loads).toBe(1);
    forgetRecent(); // a change while it loads: later readers start their own
    const after = cache.get("k", load, always);
    expect(loads).toBe(2);
    release();
    expect(await Promise.all(first)).toEqual(["value 1", "value 1", "value 1"]);
    expect(await after).toBe("value 2");
    // The load begun before the change is not kept; the one after it is.
    expect(await cache.get("k", load, always)).toBe("value 2");
    expect(loads).toBe(2);
  });

  it("a failed load is not shared with later readers", async () => {
    const cache = new RecentCache<string>();
    await expect(cache.get("k", async () => Promise.reject(new Error("down")), always)).rejects.toThrow(
      "down",
    );
    expect(await cache.get("k", async () => "up", always)).toBe("up");
  });
});
