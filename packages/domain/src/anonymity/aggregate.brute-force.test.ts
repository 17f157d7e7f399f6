// Brute force on small cases: from everything a snapshot shows (means, counts, distributions), no
// answer of fewer than k anonymous raters can be worked out. Two independent searches: over linear
// combinations of figures, and over every assignment of answers consistent with the snapshot.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate } from "./aggregate";
import { readSnapshot } from "./testing/checker";
import { possibleValues } from "./testing/enumerate";
import { generateResponses, mixArbitrary } from "./testing/generate";
import { isolatedRaterSets } from "./testing/linear";
import { tinyInstrument } from "./testing/tiny";
import type { RaterResponse } from "./types";

const smallCase = fc.record({
  mix: mixArbitrary(3),
  threshold: fc.integer({ min: 3, max: 5 }),
  nullRate: fc.constantFrom(0, 0.2, 0.4, 0.6),
  answerSeed: fc.integer({ min: 0, max: 0x7fffffff }),
  showManagerApart: fc.boolean(),
});

const anonymousIn = (responses: readonly RaterResponse[]) => (rater: number) =>
  ["peer", "direct_report", "other"].includes(responses[rater]?.group ?? "");

describe("aggregate: brute force on small cases", () => {
  it("no linear combination of shown figures isolates fewer than k anonymous raters", () => {
    const instrument = tinyInstrument(4);
    fc.assert(
      fc.property(smallCase, ({ mix, threshold, nullRate, answerSeed, showManagerApart }) => {
        const responses = generateResponses(instrument, mix, nullRate, answerSeed);
        const result = aggregate({ instrument, responses, threshold, policy: { showManagerApart }, seed: 1 });
        if (result.status !== "released") return;
        const reading = readSnapshot(instrument, responses, result.snapshot);
        expect(isolatedRaterSets(instrument, reading.figures, anonymousIn(responses), threshold)).toEqual([]);
      }),
      { numRuns: 10_000 },
    );
  });

  it("an anonymous answer is pinned down only when at least k raters gave that same answer", () => {
    const instrument = tinyInstrument(2);
    fc.assert(
      fc.property(smallCase, ({ mix, threshold, nullRate, answerSeed, showManagerApart }) => {
        const responses = generateResponses(instrument, mix, nullRate, answerSeed);
        const result = aggregate({ instrument, responses, threshold, policy: { showManagerApart }, seed: 1 });
        if (result.status !== "released") return;
        const reading = readSnapshot(instrument, responses, result.snapshot);
        const possible = possibleValues(responses, reading.figures, anonymousIn(responses));
        const exposed: string[] = [];
        for (const { cell, values } of possible.values()) {
          if (values.size > 1) continue;
          // A unanimous figure tells everyone's answer at once; that is inherent to any average
          // and harms nobody in particular. One person's answer alone must never be pinned down.
          const alike = [...possible.values()].filter(
            (other) =>
              other.cell.item === cell.item && other.values.size === 1 && other.cell.truth === cell.truth,
          );
          if (alike.length < threshold) exposed.push(`rater ${cell.rater} on ${cell.item}`);
        }
        expect(exposed).toEqual([]);
      }),
      { numRuns: 10_000 },
    );
  });
});
