import { describe, expect, it } from "vitest";
import { poolGroups, poolLabel, unitId } from "./pooling";

const units = (peer: number, direct_report: number, other: number, k = 3) =>
  poolGroups({ peer, direct_report, other }, k).map((unit) => [unit.id, unit.answered]);

describe("pooling", () => {
  it("leaves groups of k or more apart", () => {
    expect(units(4, 3, 5)).toEqual([
      ["peer", 4],
      ["direct_report", 3],
      ["other", 5],
    ]);
  });

  it("pools the smallest with the next smallest until every pool meets k", () => {
    expect(units(4, 2, 0)).toEqual([["pool:peer+direct_report", 6]]);
    // 1 + 1 = 2 is still under k, so that pool joins the peers too.
    expect(units(5, 1, 1)).toEqual([["pool:peer+direct_report+other", 7]]);
    expect(units(2, 2, 2)).toEqual([["pool:peer+direct_report+other", 6]]);
    expect(units(6, 2, 1)).toEqual([
      ["peer", 6],
      ["pool:direct_report+other", 3],
    ]);
    expect(units(3, 4, 2, 4)).toEqual([
      ["pool:peer+other", 5],
      ["direct_report", 4],
    ]);
  });

  it("leaves a single pool under k only when all anonymous raters together are fewer", () => {
    expect(units(1, 1, 0)).toEqual([["pool:peer+direct_report", 2]]);
    expect(units(0, 0, 0)).toEqual([]);
  });

  it("names pools in canonical order", () => {
    expect(unitId(["other", "peer"])).toBe("pool:peer+other");
    expect(unitId(["direct_report"])).toBe("direct_report");
    expect(poolLabel(["other", "direct_report"])).toBe("Direct reports and other colleagues together");
  });
});
