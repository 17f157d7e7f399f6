// Rule 10: the subtraction rule across a subject's reports. Examples of the attack it stops, and a
// property over random histories: whatever raters each request had, no linear combination of all
// figures released about one person isolates fewer than k raters, when a rater's answers stay the
// same from one request to the next (the worst case for them).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INSTRUMENT_V1, type RaterGroup, type Score } from "../instrument";
import { aggregate } from "./aggregate";
import { type AnsweredBy, type EarlierReport, mayDifferByFew } from "./history";
import { type FigureCells, readSnapshot } from "./testing/checker";
import { isolatedRaterSets } from "./testing/linear";
import { tinyInstrument } from "./testing/tiny";
import type { RaterResponse, ReportSnapshot } from "./types";

const itemIds = INSTRUMENT_V1.dimensions.flatMap((d) => d.items.map((i) => i.id));
const everywhere = (score: Score | null) => Object.fromEntries(itemIds.map((id) => [id, score]));

function released(result: ReturnType<typeof aggregate>): ReportSnapshot {
  if (result.status !== "released") throw new Error(`expected a release, got ${JSON.stringify(result)}`);
  return result.snapshot;
}

describe("rule 10: differencing across requests", () => {
  it("differencing attack: {p1,p2,p3} then {p1,p2,p3,p7} does not give p7's answers", () => {
    const alike = (score: Score): RaterResponse => ({ group: "peer", answers: everywhere(score) });
    const first = released(
      aggregate({
        instrument: INSTRUMENT_V1,
        responses: [alike(3), alike(3), alike(3)],
        threshold: 3,
        seed: "first",
      }),
    );
    const earlier: EarlierReport[] = [{ snapshot: first, answeredBy: { peer: ["p1", "p2", "p3"] } }];
    const second = aggregate({
      instrument: INSTRUMENT_V1,
      responses: [alike(3), alike(3), alike(3), alike(5)],
      threshold: 3,
      seed: "second",
      history: { answeredBy: { peer: ["p1", "p2", "p3", "p7"] }, earlier },
    });
    // Without rule 10, 4 × mean₂ − 3 × mean₁ = 4 × 3.5 − 9 = 5: p7's answer on every item.
    expect(second).toMatchObject({ status: "insufficient", reason: "too_close_to_earlier" });
  });

  it("differencing attack through a remainder: everyone minus peers now, minus everyone before", () => {
    // Found by the random histories below. First two direct reports and an "other" answer; then
    // the same three, three peers and one more "other". The second report's "everyone but self"
    // (7) minus its peers (3) is the four who are not peers; minus the first report's three, the
    // one new "other" is left: 7 × mean₂ − 3 × peers₂ − 3 × mean₁ is their answer.
    const rater = (group: RaterGroup, score: Score): RaterResponse => ({ group, answers: everywhere(score) });
    const firstBy: AnsweredBy = { direct_report: ["p3", "p4"], other: ["p5"] };
    const first = released(
      aggregate({
        instrument: INSTRUMENT_V1,
        responses: [rater("direct_report", 3), rater("direct_report", 3), rater("other", 3)],
        threshold: 3,
        seed: "first",
      }),
    );
    expect(first.dimensions.every((d) => d.others?.n === 3)).toBe(true);
    const second = released(
      aggregate({
        instrument: INSTRUMENT_V1,
        responses: [
          rater("peer", 4),
          rater("peer", 4),
          rater("peer", 4),
          rater("direct_report", 3),
          rater("direct_report", 3),
          rater("other", 3),
          rater("other", 1),
        ],
        threshold: 3,
        seed: "second",
        history: {
          answeredBy: { peer: ["p0", "p1", "p2"], direct_report: ["p3", "p4"], other: ["p5", "p6"] },
          earlier: [{ snapshot: first, answeredBy: firstBy }],
        },
      }),
    );
    for (const figures of [...second.dimensions, ...second.dimensions.flatMap((d) => d.items)]) {
      const peers = figures.groups.find((group) => group.group === "peer");
      // Both shown, the remainder is one person away from the first report's figure.
      expect(figures.others !== null && peers !== undefined).toBe(false);
    }
  });

  it("differencing attack through an earlier remainder: everyone minus peers before, minus everyone now", () => {
    // The other way round, against a report released before rule 10 compared remainders: it showed
    // everyone (7) and the peers (3) but not the pool of the other four, which was a figure all the
    // same; three of those four now.
    const rater = (group: RaterGroup, score: Score): RaterResponse => ({ group, answers: everywhere(score) });
    const firstBy: AnsweredBy = {
      peer: ["p0", "p1", "p2"],
      direct_report: ["p3", "p4"],
      other: ["p5", "p6"],
    };
    const computed = released(
      aggregate({
        instrument: INSTRUMENT_V1,
        responses: [
          ...[4, 4, 4].map((score) => rater("peer", score as Score)),
          rater("direct_report", 3),
          rater("direct_report", 3),
          rater("other", 3),
          rater("other", 1),
        ],
        threshold: 3,
        seed: "first",
      }),
    );
    const peersOnly = <T extends { groups: ReportSnapshot["dimensions"][number]["groups"] }>(
      scope: T,
    ): T => ({
      ...scope,
      groups: scope.groups.filter((group) => group.group === "peer"),
    });
    const first: ReportSnapshot = {
      ...computed,
      dimensions: computed.dimensions.map((d) => ({ ...peersOnly(d), items: d.items.map(peersOnly) })),
    };
    expect(first.dimensions.every((d) => d.others?.n === 7 && d.groups.length === 1)).toBe(true);
    const second = aggregate({
      instrument: INSTRUMENT_V1,
      responses: [rater("direct_report", 3), rater("direct_report", 3), rater("other", 3)],
      threshold: 3,
      seed: "second",
      history: {
        answeredBy: { direct_report: ["p3", "p4"], other: ["p5"] },
        earlier: [{ snapshot: first, answeredBy: firstBy }],
      },
    });
    // 7 × mean₁ − 3 × peers₁ − 3 × mean₂ would be p6's answer: nothing of the second is shown.
    expect(second).toMatchObject({ status: "insufficient", reason: "too_close_to_earlier" });
  });

  it("a request repeated with k new raters keeps its figures and its trend", () => {
    const peers = (scores: Score[]) =>
      scores.map((s): RaterResponse => ({ group: "peer", answers: everywhere(s) }));
    const first = released(
      aggregate({ instrument: INSTRUMENT_V1, responses: peers([3, 3, 3]), threshold: 3, seed: 1 }),
    );
    const second = released(
      aggregate({
        instrument: INSTRUMENT_V1,
        responses: peers([3, 3, 3, 4, 4, 5]),
        threshold: 3,
        seed: 2,
        history: {
          answeredBy: { peer: ["p1", "p2", "p3", "p4", "p5", "p6"] },
          earlier: [{ snapshot: first, answeredBy: { peer: ["p1", "p2", "p3"] } }],
        },
      }),
    );
    expect(second.dimensions.every((d) => d.others !== null)).toBe(true);
  });

  it("the same raters again: an item one of them no longer scored is hidden", () => {
    const six = (firstSkipsItem: boolean): RaterResponse[] =>
      [3, 4, 5, 3, 4, 5].map((score, index) => ({
        group: "peer",
        answers: {
          ...everywhere(score as Score),
          ...(firstSkipsItem && index === 0 ? { [itemIds[0] as string]: null } : {}),
        },
      }));
    const answeredBy: AnsweredBy = { peer: ["a", "b", "c", "d", "e", "f"] };
    const first = released(
      aggregate({ instrument: INSTRUMENT_V1, responses: six(false), threshold: 3, seed: 1 }),
    );
    const second = released(
      aggregate({
        instrument: INSTRUMENT_V1,
        responses: six(true),
        threshold: 3,
        seed: 2,
        history: { answeredBy, earlier: [{ snapshot: first, answeredBy }] },
      }),
    );
    // Six scorers, then five of the same six: the first figure minus the second is one person.
    expect(first.dimensions[0]?.items[0]?.others?.n).toBe(6);
    expect(second.dimensions[0]?.items[0]?.others).toBeNull();
    expect(second.dimensions[0]?.items[1]?.others?.n).toBe(6);
  });

  it("mayDifferByFew reasons about who might have scored", () => {
    const set = (...keys: string[]) => new Set(keys);
    const k = 3;
    // Same six, all scored both times: no difference at all.
    expect(mayDifferByFew({ raters: set(..."abcdef"), n: 6 }, { raters: set(..."abcdef"), n: 6 }, k)).toBe(
      false,
    );
    // Same six, six then five: one person less.
    expect(mayDifferByFew({ raters: set(..."abcdef"), n: 6 }, { raters: set(..."abcdef"), n: 5 }, k)).toBe(
      true,
    );
    // Disjoint groups of three: differ by three each way.
    expect(mayDifferByFew({ raters: set(..."abc"), n: 3 }, { raters: set(..."def"), n: 3 }, k)).toBe(false);
    // Three new and one gone: one way is a single person.
    expect(mayDifferByFew({ raters: set(..."abcd"), n: 4 }, { raters: set(..."bcdefg"), n: 6 }, k)).toBe(
      true,
    );
    // Counts that cannot be (more scorers than raters) are treated as the worst case.
    expect(mayDifferByFew({ raters: set(..."ab"), n: 3 }, { raters: set(..."abc"), n: 3 }, k)).toBe(true);
  });
});

// ── The property over random histories ─────────────────────────────────────────────────────────
const PEOPLE = 7;
const instrument = tinyInstrument(3);
const tinyItems = instrument.dimensions.flatMap((d) => d.items.map((i) => i.id));
const ANONYMOUS_OF: RaterGroup[] = [
  "peer",
  "peer",
  "peer",
  "direct_report",
  "direct_report",
  "other",
  "other",
];

const historyCase = fc.record({
  threshold: fc.integer({ min: 3, max: 4 }),
  // Each person's answers, fixed across requests (the attacker's best case).
  answers: fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }), {
    minLength: PEOPLE,
    maxLength: PEOPLE,
  }),
  requests: fc.array(
    fc.record({
      raters: fc.subarray([...Array(PEOPLE).keys()], { minLength: 0 }),
      // Per rater and item: whether they chose "not observed" this time.
      unobserved: fc.array(fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), {
        minLength: PEOPLE,
        maxLength: PEOPLE,
      }),
      manager: fc.boolean(),
      showManagerApart: fc.boolean(),
      groupsMoved: fc.boolean(),
    }),
    { minLength: 2, maxLength: 4 },
  ),
});

describe("rule 10: random histories of requests on one subject", () => {
  it("no linear combination of all released figures isolates fewer than k raters", () => {
    // Histories in which a later report was released beside an earlier one: the cases that matter.
    let comparedReleases = 0;
    fc.assert(
      fc.property(historyCase, ({ threshold, answers, requests }) => {
        const earlier: EarlierReport[] = [];
        const allFigures: FigureCells[] = [];
        requests.forEach((request, index) => {
          // People keep their group, except in requests where the rota moved everyone one place on.
          const groupOf = (person: number) =>
            ANONYMOUS_OF[(person + (request.groupsMoved ? 1 : 0)) % PEOPLE] as RaterGroup;
          const responses: RaterResponse[] = [];
          const person: number[] = [];
          const answeredBy: Partial<Record<string, string[]>> = {};
          for (const rater of request.raters) {
            const group = groupOf(rater);
            responses.push({
              group,
              answers: Object.fromEntries(
                tinyItems.map((id, item) => [
                  id,
                  request.unobserved[rater]?.[item] ? null : ((answers[rater]?.[item] ?? 3) as Score),
                ]),
              ),
            });
            person.push(rater);
            answeredBy[group] = [...(answeredBy[group] ?? []), `person-${rater}`];
          }
          if (request.manager) {
            responses.push({ group: "manager", answers: Object.fromEntries(tinyItems.map((id) => [id, 4])) });
            person.push(1000 + index); // known to the readers, a different manager each time
          }
          const result = aggregate({
            instrument,
            responses,
            threshold,
            policy: { showManagerApart: request.showManagerApart },
            seed: index,
            history: { answeredBy, earlier: [...earlier] },
          });
          if (result.status !== "released") return;
          const reading = readSnapshot(instrument, responses, result.snapshot);
          expect(reading.problems).toEqual([]);
          for (const figure of reading.figures) {
            const global = (rater: number) => person[rater] as number;
            allFigures.push({
              ...figure,
              raters: new Set([...figure.raters].map(global)),
              anonymous: new Set([...figure.anonymous].map(global)),
              cells: figure.cells.map((cell) => ({ rater: global(cell.rater), item: cell.item })),
            });
          }
          if (earlier.length > 0) comparedReleases += 1;
          earlier.push({ snapshot: result.snapshot, answeredBy });
        });
        const anonymous = (rater: number) => rater >= 0 && rater < PEOPLE;
        expect(isolatedRaterSets(instrument, allFigures, anonymous, threshold)).toEqual([]);
      }),
      { numRuns: 5_000 },
    );
    expect(comparedReleases).toBeGreaterThan(1_000);
  });
});

describe("rule 10: the manager inside an earlier 'everyone but self'", () => {
  it("the same raters and manager again, everyone scoring everything: every figure stays", () => {
    const responses: RaterResponse[] = [
      { group: "manager", answers: everywhere(4) },
      ...[2, 3, 4, 3].map((score): RaterResponse => ({ group: "peer", answers: everywhere(score as Score) })),
    ];
    const answeredBy: AnsweredBy = { peer: ["a", "b", "c", "d"] };
    const first = released(aggregate({ instrument: INSTRUMENT_V1, responses, threshold: 3, seed: 1 }));
    const second = released(
      aggregate({
        instrument: INSTRUMENT_V1,
        responses,
        threshold: 3,
        seed: 2,
        history: { answeredBy, earlier: [{ snapshot: first, answeredBy }] },
      }),
    );
    // The earlier dimension figure's n (5) counts the manager: four anonymous raters, not five.
    expect(second.dimensions.map((d) => d.others?.n)).toEqual([5, 5, 5, 5, 5]);
    expect(second.dimensions.every((d) => d.items.every((item) => item.others !== null))).toBe(true);
  });
});
