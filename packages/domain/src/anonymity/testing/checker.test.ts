// The checkers must catch a leak when there is one: these tests feed them snapshots that show too
// much, built by hand, and expect every checker that applies to object.
import { describe, expect, it } from "vitest";
import type { Score } from "../../instrument";
import { aggregate } from "../aggregate";
import type { GroupFigure, RaterResponse, ReportSnapshot } from "../types";
import { type FigureCells, readSnapshot, subtractionViolations, thresholdViolations } from "./checker";
import { possibleValues } from "./enumerate";
import { isolatedRaterSets } from "./linear";
import { tinyInstrument } from "./tiny";

const instrument = tinyInstrument(2);
const [first, second] = instrument.dimensions[0]?.items.map((item) => item.id) ?? [];
const ITEM_1 = first as string;
const ITEM_2 = second as string;

const rate = (group: RaterResponse["group"], one: Score | null, two: Score | null): RaterResponse => ({
  group,
  answers: { [ITEM_1]: one, [ITEM_2]: two },
});

// 3 peers and 1 direct report: the aggregator pools them; the tampered snapshots below do not.
const responses: RaterResponse[] = [
  rate("peer", 2, 3),
  rate("peer", 4, 3),
  rate("peer", 5, 4),
  rate("direct_report", 1, 2),
  rate("manager", 3, 3),
];
const isAnonymous = (rater: number) => (responses[rater]?.group ?? "manager") !== "manager";

function figure(
  group: GroupFigure["group"],
  raters: readonly number[],
  items: readonly string[],
): GroupFigure {
  const distribution: GroupFigure["distribution"] = [0, 0, 0, 0, 0];
  let sum = 0;
  let count = 0;
  for (const rater of raters) {
    for (const item of items) {
      const score = responses[rater]?.answers[item];
      if (!score) continue;
      distribution[score - 1] = (distribution[score - 1] ?? 0) + 1;
      sum += score;
      count += 1;
    }
  }
  return {
    group,
    label: group,
    mean: Math.round((sum * 100) / count) / 100,
    n: raters.length,
    notObserved: 0,
    distribution,
  };
}

function released(): ReportSnapshot {
  const result = aggregate({ instrument, responses, threshold: 3, seed: 1 });
  if (result.status !== "released") throw new Error("expected a released report");
  return result.snapshot;
}

/** The snapshot a careless aggregator would produce: peers and the lone direct report apart. */
function unpooled(): ReportSnapshot {
  const snapshot = structuredClone(released());
  const dimension = snapshot.dimensions[0];
  if (!dimension) throw new Error("no dimension");
  for (const item of dimension.items) item.groups = [figure("peer", [0, 1, 2], [item.id])];
  dimension.groups = [figure("peer", [0, 1, 2], [ITEM_1, ITEM_2])];
  return snapshot;
}

describe("the anonymity checkers catch leaks", () => {
  it("accept the real snapshot", () => {
    const reading = readSnapshot(instrument, responses, released());
    expect(reading.problems).toEqual([]);
    expect(thresholdViolations(reading, 3)).toEqual([]);
    expect(subtractionViolations(reading, 3)).toEqual([]);
    expect(isolatedRaterSets(instrument, reading.figures, isAnonymous, 3)).toEqual([]);
  });

  it("flag a figure standing on one direct report", () => {
    const snapshot = unpooled();
    snapshot.dimensions[0]?.items[0]?.groups.push(figure("direct_report", [3], [ITEM_1]));
    const reading = readSnapshot(instrument, responses, snapshot);
    expect(reading.problems).toEqual([]);
    expect(thresholdViolations(reading, 3)).toEqual([`${ITEM_1}/direct_report shows 1 anonymous raters`]);
  });

  it("flag 'everyone but self' minus peers minus manager, which isolates the direct report", () => {
    const reading = readSnapshot(instrument, responses, unpooled());
    expect(reading.problems).toEqual([]);
    expect(thresholdViolations(reading, 3)).toEqual([]);
    expect(subtractionViolations(reading, 3)).toContain(`${ITEM_1}: others − {peer, manager} leaves 1`);
    expect(isolatedRaterSets(instrument, reading.figures, isAnonymous, 3)).toContainEqual([3]);
    const possible = possibleValues(responses, reading.figures, isAnonymous);
    expect(possible.get(`3|${ITEM_1}`)?.values).toEqual(new Set([1]));
  });

  it("flag a dimension figure that includes an item hidden for the same raters", () => {
    // Peers' item 1 is shown; item 2 is hidden (only one peer scored it) but the dimension figure
    // still counts it, so dimension − item 1 gives that one peer's answer.
    const cells = (raters: number[], items: string[]) =>
      raters.flatMap((rater) => items.map((item) => ({ rater, item })));
    const figures: FigureCells[] = [
      {
        scope: ITEM_1,
        name: "peer",
        raters: new Set([0, 1, 2]),
        anonymous: new Set([0, 1, 2]),
        cells: cells([0, 1, 2], [ITEM_1]),
      },
      {
        scope: "inspire",
        name: "peer",
        raters: new Set([0, 1, 2]),
        anonymous: new Set([0, 1, 2]),
        cells: [...cells([0, 1, 2], [ITEM_1]), { rater: 0, item: ITEM_2 }],
      },
    ];
    expect(subtractionViolations({ figures, problems: [] }, 3)).toEqual([]);
    expect(isolatedRaterSets(instrument, figures, isAnonymous, 3)).toContainEqual([0]);
    expect(possibleValues(responses, figures, isAnonymous).get(`0|${ITEM_2}`)?.values).toEqual(new Set([3]));
  });

  it("flag figures whose numbers do not match the raters they claim", () => {
    const snapshot = released();
    const item = snapshot.dimensions[0]?.items[0];
    if (!item?.others) throw new Error("expected an 'everyone but self' figure");
    item.others = { ...item.others, mean: item.others.mean + 0.5, n: item.others.n - 1 };
    expect(readSnapshot(instrument, responses, snapshot).problems).toHaveLength(2);
  });
});
