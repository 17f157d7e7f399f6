import { describe, expect, it } from "vitest";
import { hashSeed, mulberry32, seededShuffle } from "./prng";

describe("seeded PRNG", () => {
  it("is deterministic per seed and differs between seeds", () => {
    const draw = (seed: string | number) => Array.from({ length: 5 }, mulberry32(hashSeed(seed)));
    expect(draw("request-1")).toEqual(draw("request-1"));
    expect(draw("request-1")).not.toEqual(draw("request-2"));
    expect(hashSeed(42)).toBe(hashSeed("42"));
  });

  it("draws in [0, 1) roughly uniformly", () => {
    const random = mulberry32(hashSeed("uniform"));
    const buckets = [0, 0, 0, 0];
    for (let index = 0; index < 4000; index += 1) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      buckets[Math.floor(value * 4)] = (buckets[Math.floor(value * 4)] ?? 0) + 1;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(850);
  });

  it("shuffles a copy, keeping every element", () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = seededShuffle(items, mulberry32(7));
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...shuffled].sort()).toEqual(items);
    expect(shuffled).toEqual(seededShuffle(items, mulberry32(7)));
    expect(shuffled).not.toEqual(items);
  });
});
