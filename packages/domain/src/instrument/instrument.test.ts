import { describe, expect, it } from "vitest";
import { NotFoundError } from "../errors";
import {
  ANONYMOUS_GROUPS,
  anonymityPromise,
  CURRENT_INSTRUMENT_VERSION,
  DIMENSION_KEYS,
  findDimension,
  getInstrument,
  IDENTIFIABLE_GROUPS,
  INSTRUMENT_V1,
  indexItems,
  instrumentSchema,
  isAnonymousGroup,
  isDimensionKey,
  RATER_GROUP_LABELS,
  RATER_GROUPS,
} from "./index";

describe("instrument v1", () => {
  it("has the five dimensions in order, with their names", () => {
    expect(INSTRUMENT_V1.version).toBe(1);
    expect(INSTRUMENT_V1.dimensions.map((dimension) => [dimension.key, dimension.name])).toEqual([
      ["inspire", "Inspire & motivate"],
      ["vision", "Set the vision"],
      ["empower", "Empower others"],
      ["dream", "Dream bigger"],
      ["risk", "Take risks"],
    ]);
    expect(INSTRUMENT_V1.dimensions.map((dimension) => dimension.key)).toEqual([...DIMENSION_KEYS]);
  });

  it("has four behaviours per dimension with stable ids", () => {
    for (const dimension of INSTRUMENT_V1.dimensions) {
      expect(dimension.items.map((item) => item.id)).toEqual(
        [1, 2, 3, 4].map((n) => `${dimension.key}.${n}`),
      );
      for (const item of dimension.items) expect(item.text.length).toBeGreaterThan(20);
      expect(dimension.leadership).not.toBe(dimension.management);
    }
  });

  it("rates on a 1–5 frequency scale with 'not observed'", () => {
    expect(INSTRUMENT_V1.scale).toEqual({
      min: 1,
      max: 5,
      labels: ["Rarely", "Occasionally", "Sometimes", "Often", "Almost always"],
      notObservedLabel: "Not observed",
    });
  });

  it("matches the public schema and cannot be changed at run time", () => {
    expect(instrumentSchema.parse(INSTRUMENT_V1)).toEqual(INSTRUMENT_V1);
    expect(Object.isFrozen(INSTRUMENT_V1.dimensions[0]?.items[0])).toBe(true);
    expect(() => {
      (INSTRUMENT_V1.scale.labels as unknown as string[])[0] = "Never";
    }).toThrow(TypeError);
  });

  it("is found by version, and unknown versions are not found", () => {
    expect(getInstrument(1)).toBe(INSTRUMENT_V1);
    expect(getInstrument()).toBe(getInstrument(CURRENT_INSTRUMENT_VERSION));
    expect(() => getInstrument(7)).toThrow(NotFoundError);
    expect(() => getInstrument(7)).toThrow("Instrument version 7 was not found");
  });

  it("indexes items and finds dimensions", () => {
    const index = indexItems(INSTRUMENT_V1);
    expect(index.size).toBe(20);
    expect(index.get("risk.2")?.dimension.name).toBe("Take risks");
    expect(findDimension(INSTRUMENT_V1, "dream").key).toBe("dream");
    expect(() => findDimension({ ...INSTRUMENT_V1, dimensions: [] }, "dream")).toThrow(NotFoundError);
    expect(isDimensionKey("vision")).toBe(true);
    expect(isDimensionKey("charisma")).toBe(false);
  });
});

describe("rater groups", () => {
  it("splits the five groups into identifiable and anonymous", () => {
    expect([...RATER_GROUPS]).toEqual(["self", "manager", "peer", "direct_report", "other"]);
    expect([...IDENTIFIABLE_GROUPS, ...ANONYMOUS_GROUPS].sort()).toEqual([...RATER_GROUPS].sort());
    expect(RATER_GROUPS.filter(isAnonymousGroup)).toEqual(["peer", "direct_report", "other"]);
    expect(RATER_GROUP_LABELS.direct_report).toBe("Direct reports");
  });

  it("tells each rater what anonymity to expect", () => {
    expect(anonymityPromise("self")).toContain("labelled Self");
    expect(anonymityPromise("manager")).toContain("the person will know they are yours");
    expect(anonymityPromise("peer", 4)).toContain("at least 4 people");
    expect(anonymityPromise("other")).toContain("at least 3 people");
  });

  it("makes the same promise in German, and English stays the default", () => {
    expect(anonymityPromise("self", 3, "de")).toContain("Selbsteinschätzung");
    expect(anonymityPromise("manager", 3, "de")).toContain(
      "Die Person wird wissen, dass sie von Ihnen stammen",
    );
    expect(anonymityPromise("peer", 4, "de")).toContain("mindestens 4 Personen");
    expect(anonymityPromise("direct_report", 5, "de")).toContain("ohne Ihren Namen");
    for (const group of RATER_GROUPS) {
      expect(anonymityPromise(group, 4, "en")).toBe(anonymityPromise(group, 4));
    }
  });
});
