// The pulse's k-rules: examples, and properties checked against the raters who really scored each
// behaviour (which the test knows and the code never does).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pulseItems } from "./items";
import { type EarlierPulse, type PerceivedChange, perceivedChange } from "./perceived-change";
import { checkPulseDay, defaultPulseDay, pulseQuestion, pulseScoreSchema } from "./scale";

const ITEMS = ["vision.1", "vision.2"];

describe("perceivedChange", () => {
  it("shows a behaviour's mean on k scores and hides one with fewer (cannot say is not a score)", () => {
    const result = perceivedChange({
      items: ITEMS,
      responses: [
        { "vision.1": 2, "vision.2": null },
        { "vision.1": 1, "vision.2": 3 },
        { "vision.1": -1, "vision.2": 2 },
      ],
      answeredBy: ["a", "b", "c"],
      threshold: 3,
      earlier: [],
    });
    expect(result.outcome).toBe("released");
    expect(result.figures).toEqual([
      { itemId: "vision.1", mean: 0.67, n: 3 },
      { itemId: "vision.2", hidden: true },
    ]);
    expect(result.suggestionsShown).toBe(true);
  });

  it("shows nothing when fewer than k raters answered", () => {
    const result = perceivedChange({
      items: ITEMS,
      responses: [{ "vision.1": 2 }, { "vision.1": 2 }],
      answeredBy: ["a", "b"],
      threshold: 3,
      earlier: [],
    });
    expect(result.outcome).toBe("insufficient");
    expect(result.figures.every((figure) => "hidden" in figure)).toBe(true);
    expect(result.suggestionsShown).toBe(false);
  });

  it("hides a figure whose raters differ from an earlier pulse's by one person (rule 10 among pulses)", () => {
    const first = perceivedChange({
      items: ITEMS,
      responses: [{ "vision.1": 1 }, { "vision.1": 1 }, { "vision.1": 1 }],
      answeredBy: ["a", "b", "c"],
      threshold: 3,
      earlier: [],
    });
    const second = perceivedChange({
      items: ITEMS,
      responses: [{ "vision.1": 1 }, { "vision.1": 1 }, { "vision.1": 1 }, { "vision.1": -3 }],
      answeredBy: ["a", "b", "c", "d"],
      threshold: 3,
      earlier: [{ answeredBy: ["a", "b", "c"], figures: first.figures, suggestionsShown: true }],
    });
    expect(second.figures[0]).toEqual({ itemId: "vision.1", hidden: true });
    expect(second.suggestionsShown).toBe(false);
  });
});

describe("the pulse's schedule and scale", () => {
  const publishedAt = new Date("2026-01-05T10:00:00Z");
  it("accepts 6 to 12 weeks after publishing, defaults to 8, and refuses the rest in a sentence", () => {
    expect(defaultPulseDay(publishedAt)).toBe("2026-03-02");
    expect(checkPulseDay({ publishedAt, on: "2026-02-16", today: "2026-01-06" })).toBe("2026-02-16");
    expect(checkPulseDay({ publishedAt, on: "2026-03-30", today: "2026-01-06" })).toBe("2026-03-30");
    expect(() => checkPulseDay({ publishedAt, on: "2026-02-15", today: "2026-01-06" })).toThrow(
      /^The pulse opens 6 to 12 weeks after the plan was published: pick a day from 2026-02-16 to 2026-03-30\.$/,
    );
    expect(() => checkPulseDay({ publishedAt, on: "2026-03-31", today: "2026-01-06" })).toThrow(
      /6 to 12 weeks/,
    );
    expect(() => checkPulseDay({ publishedAt, on: "2026-02-20", today: "2026-02-21" })).toThrow(/has passed/);
    expect(() => checkPulseDay({ publishedAt, on: "2026-02-30", today: "2026-01-06" })).toThrow(
      /calendar day/,
    );
  });

  it("scores −3 to +3 whole, asks in the rater's words, and asks about the focus behaviours only", () => {
    expect(pulseScoreSchema.safeParse(-3).success).toBe(true);
    expect(pulseScoreSchema.safeParse(4).success).toBe(false);
    expect(pulseScoreSchema.safeParse(0.5).success).toBe(false);
    expect(pulseQuestion({ since: "5 Jan 2026", name: "Ana", behaviour: "Shares the big picture" })).toBe(
      "Since 5 Jan 2026, has Ana become more or less effective at this: shares the big picture?",
    );
    const items = pulseItems(1, ["vision"]);
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.every((item) => item.dimension === "vision")).toBe(true);
  });
});

// A world the test fully knows: who answered each pulse and which of them scored each behaviour.
const RATERS = ["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7"];
const pulseWorld = fc.record({
  threshold: fc.integer({ min: 3, max: 5 }),
  pulses: fc.array(
    fc.array(
      fc.record({
        rater: fc.constantFrom(...RATERS),
        scores: fc.tuple(
          fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
          fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
        ),
      }),
      { maxLength: 8 },
    ),
    { minLength: 1, maxLength: 4 },
  ),
});

type World = typeof pulseWorld extends fc.Arbitrary<infer T> ? T : never;

/** Releases the world's pulses in order, each compared with those before; returns what each showed and who really scored. */
function releaseAll(world: World) {
  const released: Array<{ figures: PerceivedChange[]; scorers: Array<Set<string>> }> = [];
  const earlier: EarlierPulse[] = [];
  for (const raw of world.pulses) {
    const answers = [...new Map(raw.map((entry) => [entry.rater, entry.scores])).entries()];
    const result = perceivedChange({
      items: ITEMS,
      responses: answers.map(([, scores]) => ({
        [ITEMS[0] as string]: scores[0],
        [ITEMS[1] as string]: scores[1],
      })),
      answeredBy: answers.map(([rater]) => rater),
      threshold: world.threshold,
      earlier,
    });
    const scorers = ITEMS.map(
      (_, index) => new Set(answers.filter(([, s]) => s[index] !== null).map(([r]) => r)),
    );
    released.push({ figures: result.figures, scorers });
    if (result.outcome === "released") {
      earlier.push({
        answeredBy: answers.map(([r]) => r),
        figures: result.figures,
        suggestionsShown: result.suggestionsShown,
      });
    }
  }
  return released;
}

describe("perceivedChange properties", () => {
  it("property: no figure ever stands on fewer than k responses", () => {
    fc.assert(
      fc.property(pulseWorld, (world) => {
        for (const pulse of releaseAll(world)) {
          pulse.figures.forEach((figure, index) => {
            if ("n" in figure) {
              expect(figure.n).toBeGreaterThanOrEqual(world.threshold);
              expect(figure.n).toBe(pulse.scorers[index]?.size);
            }
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("property: two pulses whose scorers differ by 1 … k−1 people are never both shown", () => {
    fc.assert(
      fc.property(pulseWorld, (world) => {
        const released = releaseAll(world);
        ITEMS.forEach((_, index) => {
          const shown = released.filter((pulse) => "n" in (pulse.figures[index] as PerceivedChange));
          for (const [i, a] of shown.entries()) {
            for (const b of shown.slice(i + 1)) {
              const sa = a.scorers[index] as Set<string>;
              const sb = b.scorers[index] as Set<string>;
              const onlyA = [...sa].filter((r) => !sb.has(r)).length;
              const onlyB = [...sb].filter((r) => !sa.has(r)).length;
              for (const left of [onlyA, onlyB]) {
                expect(left === 0 || left >= world.threshold).toBe(true);
              }
            }
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it("property: a mean lies on the scale and is what the shown scores average to", () => {
    fc.assert(
      fc.property(pulseWorld, (world) => {
        for (const pulse of releaseAll(world)) {
          for (const figure of pulse.figures) {
            if ("mean" in figure) {
              expect(figure.mean).toBeGreaterThanOrEqual(-3);
              expect(figure.mean).toBeLessThanOrEqual(3);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
