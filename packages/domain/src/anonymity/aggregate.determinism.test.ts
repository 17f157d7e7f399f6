// Property tests: a snapshot depends on the answers alone, never on their order, and what is shown
// depends on who scored, never on what they scored (otherwise hiding a figure would itself leak).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INSTRUMENT_V1 } from "../instrument";
import { aggregate } from "./aggregate";
import { mulberry32, seededShuffle } from "./prng";
import { rescore, type Scenario, scenarioArbitrary, scenarioInput } from "./testing/generate";
import type { ReportSnapshot } from "./types";

const RUNS = { numRuns: 10_000 };

function released(scenario: Scenario) {
  const input = scenarioInput(INSTRUMENT_V1, scenario);
  const result = aggregate(input);
  return { input, snapshot: result.status === "released" ? result.snapshot : null, result };
}

describe("aggregate: determinism properties", () => {
  it("(d) does not depend on the order of responses, answers or comments", () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fc.integer(), (scenario, shuffleSeed) => {
        const { input, result } = released(scenario);
        const random = mulberry32(shuffleSeed);
        // Responses and comments in a random order; answers with their keys reversed (a fixed
        // permutation keeps this cheap enough for 10,000 runs; the aggregator reads by item id).
        const shuffled = seededShuffle(input.responses, random).map((response) => ({
          ...response,
          answers: Object.fromEntries(Object.entries(response.answers).reverse()),
          comments: seededShuffle(response.comments ?? [], random),
        }));
        const again = aggregate({ ...input, responses: shuffled });
        // Comparing serialisations is much faster than a deep equal and also pins the key order.
        if (JSON.stringify(again) !== JSON.stringify(result)) expect(again).toEqual(result);
      }),
      RUNS,
    );
  });

  it("(f) decides what to show from who scored, never from what they scored", () => {
    const shape = (snapshot: ReportSnapshot) =>
      snapshot.dimensions.map((dimension) => [
        dimension.others?.n ?? null,
        dimension.groups.map((figure) => `${figure.group}:${figure.n}`),
        dimension.items.map((item) => [
          item.others?.n ?? null,
          item.groups.map((figure) => `${figure.group}:${figure.n}`),
        ]),
      ]);
    fc.assert(
      fc.property(scenarioArbitrary(), fc.integer(), (scenario, seed) => {
        const { input, snapshot } = released(scenario);
        if (!snapshot) return;
        const other = aggregate({ ...input, responses: rescore(input.responses, seed) });
        if (other.status !== "released") throw new Error("rescoring changed the release decision");
        if (JSON.stringify(shape(other.snapshot)) !== JSON.stringify(shape(snapshot))) {
          expect(shape(other.snapshot)).toEqual(shape(snapshot));
        }
      }),
      RUNS,
    );
  });
});
