// Test-only: random rater mixes and answer sets for the property tests. Answers come from a seeded
// PRNG rather than per-cell arbitraries, which keeps 10,000 runs fast; fast-check still drives
// (and shrinks) the mix, the threshold, the policy and the density of "not observed".
import fc from "fast-check";
import type { DimensionComment } from "../../answers";
import { DIMENSION_KEYS, type Instrument, type RaterGroup, type Score } from "../../instrument";
import { mulberry32 } from "../prng";
import type { AggregateInput, RaterResponse } from "../types";

export interface RaterMix {
  self: number;
  manager: number;
  peer: number;
  direct_report: number;
  other: number;
}

export interface Scenario {
  mix: RaterMix;
  threshold: number;
  nullRate: number;
  answerSeed: number;
  commentExtra: number;
  showManagerApart: boolean;
}

export function mixArbitrary(maxPerGroup: number): fc.Arbitrary<RaterMix> {
  return fc.record({
    self: fc.integer({ min: 0, max: 1 }),
    manager: fc.integer({ min: 0, max: 1 }),
    peer: fc.integer({ min: 0, max: maxPerGroup }),
    direct_report: fc.integer({ min: 0, max: maxPerGroup }),
    other: fc.integer({ min: 0, max: maxPerGroup }),
  });
}

export function scenarioArbitrary(maxPerGroup = 8): fc.Arbitrary<Scenario> {
  return fc.record({
    mix: mixArbitrary(maxPerGroup),
    threshold: fc.integer({ min: 3, max: 5 }),
    // From "everyone observes everything" to "most behaviours not observed", so figures with
    // exactly k − 1 scorers come up often.
    nullRate: fc.constantFrom(0, 0.05, 0.15, 0.3, 0.5, 0.75),
    answerSeed: fc.integer({ min: 0, max: 0x7fffffff }),
    commentExtra: fc.integer({ min: 0, max: 2 }),
    showManagerApart: fc.boolean(),
  });
}

export function groupsOf(mix: RaterMix): RaterGroup[] {
  return (["self", "manager", "peer", "direct_report", "other"] as const).flatMap((group) =>
    Array.from({ length: mix[group] }, () => group),
  );
}

/** Answers for every rater; a null pattern and scores drawn from the seed. */
export function generateResponses(
  instrument: Instrument,
  mix: RaterMix,
  nullRate: number,
  answerSeed: number,
): RaterResponse[] {
  const random = mulberry32(answerSeed);
  const itemIds = instrument.dimensions.flatMap((dimension) => dimension.items.map((item) => item.id));
  return groupsOf(mix).map((group, rater) => {
    const answers: Record<string, Score | null> = {};
    for (const id of itemIds) {
      answers[id] = random() < nullRate ? null : ((1 + Math.floor(random() * 5)) as Score);
    }
    const comments: DimensionComment[] = DIMENSION_KEYS.filter(() => random() < 0.3).map((dimension) => ({
      dimension,
      text: `${group} ${rater} on ${dimension}`,
    }));
    return { group, answers, comments };
  });
}

/** Same null pattern, fresh scores: what a rater's answer must not be able to change. */
export function rescore(responses: readonly RaterResponse[], seed: number): RaterResponse[] {
  const random = mulberry32(seed);
  return responses.map((response) => ({
    ...response,
    answers: Object.fromEntries(
      Object.entries(response.answers).map(([id, score]) => [
        id,
        score === null ? null : ((1 + Math.floor(random() * 5)) as Score),
      ]),
    ),
  }));
}

export function scenarioInput(instrument: Instrument, scenario: Scenario): AggregateInput {
  return {
    instrument,
    responses: generateResponses(instrument, scenario.mix, scenario.nullRate, scenario.answerSeed),
    threshold: scenario.threshold,
    policy: {
      commentThreshold: scenario.threshold + scenario.commentExtra,
      showManagerApart: scenario.showManagerApart,
    },
    seed: scenario.answerSeed,
  };
}
