// Property tests of the anonymity guarantees (DESIGN §4), 10,000 generated cases each, checked per
// figure on the raters who actually scored it, by a checker that shares no code with aggregate().
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INSTRUMENT_V1 } from "../instrument";
import { aggregate } from "./aggregate";
import {
  hiddenManagerViolations,
  readSnapshot,
  subtractionViolations,
  thresholdViolations,
} from "./testing/checker";
import { type Scenario, scenarioArbitrary, scenarioInput } from "./testing/generate";

const RUNS = { numRuns: 10_000 };

function released(scenario: Scenario) {
  const input = scenarioInput(INSTRUMENT_V1, scenario);
  const result = aggregate(input);
  return { input, snapshot: result.status === "released" ? result.snapshot : null, result };
}

describe("aggregate: anonymity properties", () => {
  it("releases exactly when at least k anonymous raters answered", () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const { result } = released(scenario);
        const anonymous = scenario.mix.peer + scenario.mix.direct_report + scenario.mix.other;
        expect(result.status).toBe(anonymous >= scenario.threshold ? "released" : "insufficient");
      }),
      RUNS,
    );
  });

  it("(a) shows no anonymous figure on fewer than k raters who scored it, and every figure is what it claims", () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const { input, snapshot } = released(scenario);
        if (!snapshot) return;
        const reading = readSnapshot(INSTRUMENT_V1, input.responses, snapshot);
        expect(reading.problems).toEqual([]);
        expect(thresholdViolations(reading, scenario.threshold)).toEqual([]);
      }),
      RUNS,
    );
  });

  it("(b) lets no subtraction of shown figures isolate between 1 and k − 1 anonymous raters", () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const { input, snapshot } = released(scenario);
        if (!snapshot) return;
        const reading = readSnapshot(INSTRUMENT_V1, input.responses, snapshot);
        expect(subtractionViolations(reading, scenario.threshold)).toEqual([]);
      }),
      RUNS,
    );
  });

  it("(d) with the manager not shown apart, never lets a subtraction leave exactly the manager", () => {
    fc.assert(
      fc.property(
        scenarioArbitrary().map((scenario) => ({
          ...scenario,
          showManagerApart: false,
          mix: { ...scenario.mix, manager: 1 },
        })),
        (scenario) => {
          const { input, snapshot } = released(scenario);
          if (!snapshot) return;
          const reading = readSnapshot(INSTRUMENT_V1, input.responses, snapshot);
          expect(hiddenManagerViolations(reading, input.responses)).toEqual([]);
          expect(subtractionViolations(reading, scenario.threshold)).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  it("(c) never drops a response from a shown 'everyone but self' figure", () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const { input, snapshot } = released(scenario);
        if (!snapshot) return;
        const nonSelf = input.responses.filter((response) => response.group !== "self");
        const scoredAny = (ids: readonly string[]) =>
          nonSelf.filter((response) => ids.some((id) => (response.answers[id] ?? null) !== null)).length;
        const dropped: string[] = [];
        for (const dimension of snapshot.dimensions) {
          for (const item of dimension.items) {
            if (!item.others) continue;
            const total = item.others.distribution.reduce((a, b) => a + b, 0);
            if (item.others.n !== scoredAny([item.id]) || total !== item.others.n) dropped.push(item.id);
          }
          const shownItems = dimension.items.filter((item) => item.others).map((item) => item.id);
          if (dimension.others && dimension.others.n !== scoredAny(shownItems)) dropped.push(dimension.key);
        }
        expect(dropped).toEqual([]);
      }),
      RUNS,
    );
  });
});
