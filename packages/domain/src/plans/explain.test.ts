// The "why" beside a plan's focus and strength, on reports built by the real aggregator.
import { describe, expect, it } from "vitest";
import { aggregate, type ReportSnapshot } from "../anonymity";
import { rater } from "../anonymity/testing/build";
import { INSTRUMENT_V1, type Score } from "../instrument";
import { deriveReport } from "../report";
import { explainPlan } from "./explain";
import { generatePlan } from "./generate";
import { partnerOptInSchema, partnerProfile } from "./partner-profile";

function snapshotOf(self: Score, others: Record<string, Score | null>): ReportSnapshot {
  const result = aggregate({
    instrument: INSTRUMENT_V1,
    responses: [rater("self", self), ...[3, 3, 3].map((score) => rater("peer", score as Score, others))],
    threshold: 3,
    seed: 1,
  });
  if (result.status !== "released") throw new Error("expected a release");
  return result.snapshot;
}

const items = (prefix: string, score: Score | null) =>
  Object.fromEntries([1, 2, 3, 4].map((n) => [`${prefix}.${n}`, score]));

describe("explainPlan", () => {
  // Others: inspire 2 (self 4: blind spot), empower 5 (self 4), dream hidden, others 3.
  const report = deriveReport(
    snapshotOf(4, { ...items("inspire", 2), ...items("empower", 5), ...items("dream", null) }),
  );

  it("explains what the generator proposed", () => {
    const plan = generatePlan(report);
    const reasons = explainPlan(report, plan);
    expect(reasons.focus).toMatchObject([
      {
        dimension: "inspire",
        reason:
          "Inspire & motivate: others rate it 2.0 on average, and you rate yourself higher (4.0), a blind spot",
        code: "blind-spot",
        others: 2,
        self: 4,
      },
      ...(plan.focus[1]
        ? [{ dimension: plan.focus[1], reason: expect.stringContaining("others rate it 3.0 on average") }]
        : []),
    ]);
  });

  it("explains the subject's own choices, hidden figures included", () => {
    const reasons = explainPlan(report, { focus: ["empower", "dream", "vision"], strength: "inspire" });
    expect(reasons.focus).toMatchObject([
      {
        dimension: "empower",
        reason: "Empower others: others rate it 5.0 on average; you chose to work on it",
      },
      {
        dimension: "dream",
        reason: "Dream bigger: too few raters scored it to show a figure; your own choice",
      },
      {
        dimension: "vision",
        reason:
          "Set the vision: others rate it 3.0 on average, and you rate yourself higher (4.0), a blind spot",
      },
    ]);
    expect(reasons.strength.reason).toBe(
      "Inspire & motivate: others rate it 2.0 on average, a base to build on",
    );
    expect(explainPlan(report, { focus: ["inspire"], strength: "dream" }).strength.reason).toBe(
      "Dream bigger: the strength you see in yourself",
    );
  });

  it("names a hidden strength, and falls back to the choice when nothing is known", () => {
    const humble = deriveReport(snapshotOf(2, items("empower", 5)));
    expect(explainPlan(humble, { focus: ["risk"], strength: "empower" }).strength.reason).toBe(
      "Empower others: a hidden strength, others rate it 5.0 and you 2.0",
    );
    expect(explainPlan(humble, { focus: ["vision"], strength: "empower" }).focus).toMatchObject([
      { dimension: "vision", reason: "Set the vision: others rate it 3.0 on average, among your lowest" },
    ]);
    const bare = { ...humble, profile: [], blindSpots: [], hiddenStrengths: [] };
    expect(explainPlan(bare, { focus: ["risk"], strength: "vision" })).toMatchObject({
      focus: [
        { dimension: "risk", reason: "risk: too few raters scored it to show a figure; your own choice" },
      ],
      strength: { dimension: "vision", reason: "vision: your own choice" },
    });
  });
});

describe("partner profile and opt-in", () => {
  it("keeps the shown everyone-but-self means only", () => {
    const snapshot = snapshotOf(4, { ...items("inspire", 2), ...items("dream", null) });
    expect(partnerProfile(snapshot)).toEqual({ inspire: 2, vision: 3, empower: 3, dream: null, risk: 3 });
    expect(partnerProfile(null)).toEqual({});
  });

  it("normalises the offered dimensions to instrument order, once each", () => {
    expect(partnerOptInSchema.parse({ optIn: true, dimensions: ["risk", "inspire", "risk"] })).toEqual({
      optIn: true,
      dimensions: ["inspire", "risk"],
    });
    expect(partnerOptInSchema.parse({ optIn: false })).toEqual({ optIn: false, dimensions: [] });
    expect(() => partnerOptInSchema.parse({ optIn: true, dimensions: ["courage"] })).toThrow();
  });
});
