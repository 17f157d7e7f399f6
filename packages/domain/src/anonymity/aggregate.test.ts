// Worked examples of aggregate(), the ones the README walks through among them.
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors";
import { INSTRUMENT_V1 } from "../instrument";
import { aggregate } from "./aggregate";
import { reportSnapshotSchema } from "./snapshot-schema";
import { rater, raters } from "./testing/build";
import type { AggregateInput, DimensionFigures, ReportSnapshot } from "./types";

function release(input: Partial<AggregateInput> & Pick<AggregateInput, "responses">): ReportSnapshot {
  const result = aggregate({ instrument: INSTRUMENT_V1, threshold: 3, seed: "request-1", ...input });
  if (result.status !== "released") throw new Error(`expected a release, got ${JSON.stringify(result)}`);
  return result.snapshot;
}

function dimension(snapshot: ReportSnapshot, key: DimensionFigures["key"]): DimensionFigures {
  const found = snapshot.dimensions.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no dimension ${key}`);
  return found;
}

function item(snapshot: ReportSnapshot, id: string) {
  const found = snapshot.dimensions
    .flatMap((candidate) => candidate.items)
    .find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

describe("aggregate: worked examples", () => {
  it("4 peers, 2 direct reports, manager and self: direct reports are pooled with peers", () => {
    const snapshot = release({
      responses: [
        rater("self", 5),
        rater("manager", 3),
        ...raters("peer", [2, 3, 4, 5]),
        ...raters("direct_report", [1, 4]),
      ],
      invited: { self: 1, manager: 1, peer: 5, direct_report: 3 },
    });
    expect(snapshot.groups.map(({ group, answered, shown }) => [group, answered, shown])).toEqual([
      ["self", 1, true],
      ["manager", 1, true],
      ["peer", null, false],
      ["direct_report", null, false],
      ["other", null, false],
      ["pool:peer+direct_report", 6, true],
    ]);
    expect(snapshot.groups.at(-1)).toMatchObject({
      label: "Peers and direct reports together",
      invited: 8,
      pooledFrom: ["peer", "direct_report"],
    });
    const inspire = dimension(snapshot, "inspire");
    expect(inspire.self).toBe(5);
    expect(inspire.manager).toBe(3);
    // Everyone but self: 2 + 3 + 4 + 5 + 1 + 4 + manager's 3 = 22 over 7 raters, on each of 4 items.
    expect(inspire.others).toEqual({ mean: 3.14, n: 7, notObserved: 0, distribution: [4, 4, 8, 8, 4] });
    expect(inspire.groups).toEqual([
      {
        group: "pool:peer+direct_report",
        label: "Peers and direct reports together",
        mean: 3.17,
        n: 6,
        notObserved: 0,
        distribution: [4, 4, 4, 8, 4],
      },
    ]);
    expect(item(snapshot, "inspire.1").groups.map((figure) => figure.group)).toEqual([
      "pool:peer+direct_report",
    ]);
  });

  it("hides an item figure when fewer than k anonymous raters scored it, and 'everyone but self' with it", () => {
    const notObserved = { "risk.2": null };
    const snapshot = release({
      responses: [
        rater("self", 4),
        rater("manager", 3),
        ...raters("peer", [2, 3], notObserved),
        ...raters("peer", [4, 5]),
        ...raters("direct_report", [1, 4], notObserved),
      ],
    });
    const risk2 = item(snapshot, "risk.2");
    // Only 2 anonymous raters scored it: neither the pool nor "everyone but self" (which would be
    // those two plus the known manager) may show.
    expect(risk2).toEqual({ id: "risk.2", others: null, self: 4, manager: 3, groups: [] });
    // The dimension figures leave risk.2 out rather than let it be worked out by subtraction.
    const risk = dimension(snapshot, "risk");
    expect(risk.groups[0]?.n).toBe(6);
    expect(risk.groups[0]?.distribution.reduce((a, b) => a + b, 0)).toBe(18);
    expect(risk.others?.notObserved).toBe(0);
  });

  it("gives way on a group figure rather than let 'everyone but self' minus it isolate people", () => {
    // Peers (4) and direct reports (3) stand apart; on empower.3 only 1 direct report scored.
    const snapshot = release({
      responses: [
        rater("manager", 3),
        ...raters("peer", [2, 3, 4, 5]),
        ...raters("direct_report", [1, 2], { "empower.3": null }),
        rater("direct_report", 5),
      ],
    });
    expect(item(snapshot, "empower.1").groups.map((figure) => [figure.group, figure.n])).toEqual([
      ["peer", 4],
      ["direct_report", 3],
    ]);
    const empower3 = item(snapshot, "empower.3");
    // Showing peers too would give others − peers − manager = the 1 direct report who scored.
    expect(empower3.groups).toEqual([]);
    expect(empower3.others).toMatchObject({ n: 6, notObserved: 2 });
  });

  it("2 peers, 2 direct reports, 2 others: pooled into one group of 6", () => {
    const snapshot = release({
      responses: [...raters("peer", [1, 2]), ...raters("direct_report", [3, 4]), ...raters("other", [5, 5])],
    });
    const pools = snapshot.groups.filter((group) => group.pooledFrom);
    expect(pools).toEqual([
      {
        group: "pool:peer+direct_report+other",
        label: "Peers, direct reports and other colleagues together",
        identifiable: false,
        invited: null,
        answered: 6,
        shown: true,
        pooledFrom: ["peer", "direct_report", "other"],
      },
    ]);
    expect(dimension(snapshot, "vision").others).toMatchObject({ mean: 3.33, n: 6 });
    expect(dimension(snapshot, "vision").self).toBeNull();
    expect(dimension(snapshot, "vision").manager).toBeNull();
  });

  it("3 peers and 1 other: pooled into one group of 4", () => {
    const snapshot = release({ responses: [...raters("peer", [3, 3, 4]), rater("other", 1)] });
    expect(
      dimension(snapshot, "dream").groups.map((figure) => [figure.group, figure.n, figure.mean]),
    ).toEqual([["pool:peer+other", 4, 2.75]]);
  });

  it("exactly k anonymous raters: released, but one 'not observed' hides that item", () => {
    const snapshot = release({
      responses: [...raters("peer", [2, 4]), rater("peer", 3, { "vision.4": null })],
    });
    expect(dimension(snapshot, "vision").groups.map((figure) => [figure.group, figure.n])).toEqual([
      ["peer", 3],
    ]);
    expect(item(snapshot, "vision.4")).toEqual({
      id: "vision.4",
      others: null,
      self: null,
      manager: null,
      groups: [],
    });
    expect(item(snapshot, "vision.3").others).toEqual({
      mean: 3,
      n: 3,
      notObserved: 0,
      distribution: [0, 1, 1, 1, 0],
    });
  });

  it("k − 1 anonymous raters: insufficient, whatever self and manager said", () => {
    const result = aggregate({
      instrument: INSTRUMENT_V1,
      responses: [rater("self", 5), rater("manager", 4), ...raters("peer", [3, 4])],
      threshold: 3,
      seed: 1,
    });
    expect(result).toEqual({
      status: "insufficient",
      anonymousAnswered: 2,
      threshold: 3,
      reason: "too_few_raters",
    });
  });

  it("applies a higher threshold to every figure", () => {
    const responses = [...raters("peer", [1, 2, 3, 4]), ...raters("direct_report", [5, 5, 5, 5])];
    expect(aggregate({ instrument: INSTRUMENT_V1, responses, threshold: 5, seed: 1 }).status).toBe(
      "released",
    );
    const snapshot = release({ responses, threshold: 5 });
    expect(snapshot.groups.filter((group) => group.shown).map((group) => group.group)).toEqual([
      "pool:peer+direct_report",
    ]);
    expect(
      aggregate({ instrument: INSTRUMENT_V1, responses: responses.slice(0, 4), threshold: 5, seed: 1 }),
    ).toEqual({
      status: "insufficient",
      anonymousAnswered: 4,
      threshold: 5,
      reason: "too_few_raters",
    });
  });

  it("keeps the manager inside 'everyone but self' but not apart when the policy says so", () => {
    const snapshot = release({
      responses: [
        rater("manager", 5, {}, [{ dimension: "risk", text: "Bold calls" }]),
        ...raters("peer", [1, 1, 1]),
      ],
      policy: { showManagerApart: false },
    });
    expect(snapshot.groups.find((group) => group.group === "manager")).toMatchObject({
      answered: 1,
      shown: false,
    });
    expect(dimension(snapshot, "risk").manager).toBeNull();
    expect(dimension(snapshot, "risk").others).toMatchObject({ mean: 2, n: 4 });
    expect(snapshot.comments).toEqual([{ dimension: "risk", text: "Bold calls" }]);
    expect(snapshot.identifiedComments).toEqual([]);
  });

  it("produces JSON that the snapshot schema reads back unchanged", () => {
    const snapshot = release({
      responses: [
        rater("self", 2),
        rater("manager", 3),
        ...raters("peer", [2, 3, 4, 5]),
        ...raters("other", [1, 2, 3]),
      ],
    });
    const roundTrip = JSON.parse(JSON.stringify(snapshot));
    expect(reportSnapshotSchema.parse(roundTrip)).toEqual(snapshot);
  });
});

describe("aggregate: comments", () => {
  const commented = (group: "peer" | "direct_report" | "self" | "manager", text: string) =>
    rater(group, 3, {}, [{ dimension: "empower", text }]);

  const responses = [
    commented("self", "I delegate a lot"),
    commented("manager", "Trusts the team"),
    ...["Gives us room", "Lets us choose", "Asks for help", "Checks in lightly"].map((text) =>
      commented("peer", text),
    ),
    commented("direct_report", "Sometimes hovers"),
  ];

  it("shows anonymous comments from pooled groups, without labels, and labels self and manager", () => {
    const snapshot = release({ responses });
    expect(snapshot.comments.map((comment) => comment.text).sort()).toEqual(
      ["Asks for help", "Checks in lightly", "Gives us room", "Lets us choose", "Sometimes hovers"].sort(),
    );
    expect(snapshot.comments.every((comment) => Object.keys(comment).join() === "dimension,text")).toBe(true);
    expect(snapshot.identifiedComments).toEqual([
      { group: "self", dimension: "empower", text: "I delegate a lot" },
      { group: "manager", dimension: "empower", text: "Trusts the team" },
    ]);
  });

  it("shuffles reproducibly from the seed", () => {
    const orders = ["a", "b", "c", "d", "e", "f"].map((seed) =>
      release({ responses, seed }).comments.map((comment) => comment.text),
    );
    expect(release({ responses, seed: "a" }).comments.map((comment) => comment.text)).toEqual(orders[0]);
    expect(new Set(orders.map((order) => order.join("|"))).size).toBeGreaterThan(1);
  });

  it("holds anonymous comments back below the organisation's comment threshold", () => {
    const snapshot = release({ responses, policy: { commentThreshold: 6 } });
    expect(snapshot.comments).toEqual([]);
    expect(snapshot.commentThreshold).toBe(6);
    expect(snapshot.identifiedComments).toHaveLength(2);
    expect(release({ responses, policy: { commentThreshold: 5 } }).comments).toHaveLength(5);
  });

  it("drops blank comments and trims the rest", () => {
    const snapshot = release({
      responses: [
        rater("peer", 3, {}, [
          { dimension: "dream", text: "   " },
          { dimension: "risk", text: "  Bold  " },
        ]),
        ...raters("peer", [3, 3]),
      ],
    });
    expect(snapshot.comments).toEqual([{ dimension: "risk", text: "Bold" }]);
  });
});

describe("aggregate: input checks", () => {
  const peers = raters("peer", [3, 3, 3]);
  const run = (input: Partial<AggregateInput>) => () =>
    aggregate({ instrument: INSTRUMENT_V1, responses: peers, threshold: 3, seed: 1, ...input });

  it("refuses a threshold under 3 or a comment threshold under k", () => {
    expect(run({ threshold: 2 })).toThrow(InvalidInputError);
    expect(run({ threshold: 3.5 })).toThrow("at least 3");
    expect(run({ threshold: 4, policy: { commentThreshold: 3 } })).toThrow(
      "no lower than the anonymity threshold (4)",
    );
  });

  it("refuses unknown groups, items, scores and dimensions rather than guessing", () => {
    const base = peers[0] ?? rater("peer", 3);
    const bad = (response: object) => run({ responses: [...peers, { ...base, ...response } as never] });
    expect(bad({ group: "friend" })).toThrow('unknown rater group "friend"');
    expect(bad({ answers: { ...base.answers, "inspire.9": 3 } })).toThrow('"inspire.9"');
    expect(bad({ answers: { ...base.answers, "inspire.1": 6 } })).toThrow("scores go from 1 to 5");
    expect(bad({ answers: { ...base.answers, "inspire.1": 2.5 } })).toThrow(InvalidInputError);
    expect(bad({ comments: [{ dimension: "charisma", text: "x" }] })).toThrow('unknown dimension "charisma"');
  });

  it("treats a missing answer as not observed", () => {
    const { "dream.1": _, ...rest } = (peers[0] ?? rater("peer", 3)).answers;
    const snapshot = release({ responses: [{ group: "peer", answers: rest }, ...raters("peer", [4, 4, 4])] });
    expect(item(snapshot, "dream.1").others).toMatchObject({ n: 3, notObserved: 1, mean: 4 });
  });
});
