// deriveReport() on snapshots built by the real aggregator, so the two stay in step.
import { describe, expect, it } from "vitest";
import { aggregate, type ReportSnapshot } from "../anonymity";
import { rater } from "../anonymity/testing/build";
import { InvalidInputError, NotFoundError } from "../errors";
import { INSTRUMENT_V1, type Score } from "../instrument";
import { deriveReport } from "./derive";

function snapshotOf(
  self: Score,
  others: Record<string, Score>,
  peerScores: Score[] = [3, 3, 3, 3],
): ReportSnapshot {
  const result = aggregate({
    instrument: INSTRUMENT_V1,
    responses: [rater("self", self), ...peerScores.map((score) => rater("peer", score, others))],
    threshold: 3,
    seed: 1,
  });
  if (result.status !== "released") throw new Error("expected a release");
  return result.snapshot;
}

// Others: inspire 2, vision 3, empower 4.5, dream 3, risk 3; self 4 everywhere.
const EMPOWER_HIGH = {
  "inspire.1": 2,
  "inspire.2": 2,
  "inspire.3": 2,
  "inspire.4": 2,
  "empower.1": 5,
  "empower.2": 4,
  "empower.3": 5,
  "empower.4": 4,
} as const;

describe("deriveReport", () => {
  const snapshot = snapshotOf(4, EMPOWER_HIGH);
  const report = deriveReport(snapshot, { releasedAt: "2026-03-12T10:00:00Z" });

  it("profiles each dimension with others, self, manager and shown groups", () => {
    expect(report.profile.map((entry) => [entry.key, entry.others, entry.self])).toEqual([
      ["inspire", 2, 4],
      ["vision", 3, 4],
      ["empower", 4.5, 4],
      ["dream", 3, 4],
      ["risk", 3, 4],
    ]);
    expect(report.profile[0]).toMatchObject({
      name: "Inspire & motivate",
      othersN: 4,
      manager: null,
      groups: [{ group: "peer", label: "Peers", mean: 2, n: 4 }],
    });
  });

  it("finds blind spots and hidden strengths from self − others", () => {
    expect(report.gaps.map((gap) => gap.gap)).toEqual([2, 1, -0.5, 1, 1]);
    expect(report.blindSpots.map((finding) => [finding.dimension, finding.gap])).toEqual([
      ["inspire", 2],
      ["vision", 1],
      ["dream", 1],
      ["risk", 1],
    ]);
    expect(report.blindSpots[0]?.explanation).toBe(
      "You rate yourself 2.0 points higher than others do on Inspire & motivate (4.0 against 2.0). Others may not see this habit as often as you believe you show it.",
    );
    expect(report.hiddenStrengths).toEqual([]);
    const humble = deriveReport(snapshotOf(2, EMPOWER_HIGH), { hiddenStrengthGap: 2.5 });
    expect(humble.hiddenStrengths.map((finding) => [finding.dimension, finding.gap])).toEqual([
      ["empower", -2.5],
    ]);
    expect(humble.hiddenStrengths[0]?.explanation).toContain(
      "Others rate you 2.5 points higher than you rate yourself",
    );
    expect(
      deriveReport(snapshot, { blindSpotGap: 1.5 }).blindSpots.map((finding) => finding.dimension),
    ).toEqual(["inspire"]);
  });

  it("lists the three highest and lowest behaviours, ties by item id", () => {
    expect(report.highest.map((item) => [item.itemId, item.mean])).toEqual([
      ["empower.1", 5],
      ["empower.3", 5],
      ["empower.2", 4],
    ]);
    expect(report.lowest.map((item) => [item.itemId, item.mean])).toEqual([
      ["inspire.1", 2],
      ["inspire.2", 2],
      ["inspire.3", 2],
    ]);
    expect(report.highest[0]).toEqual({
      itemId: "empower.1",
      dimension: "empower",
      text: INSTRUMENT_V1.dimensions[2]?.items[0]?.text,
      mean: 5,
      n: 4,
    });
    expect(report.items).toHaveLength(20);
  });

  it("places each dimension between its management counterpart (0) and leadership habit (1)", () => {
    expect(report.spectrum.map((entry) => [entry.key, entry.position, entry.selfPosition])).toEqual([
      ["inspire", 0.25, 0.75],
      ["vision", 0.5, 0.75],
      ["empower", 0.88, 0.75],
      ["dream", 0.5, 0.75],
      ["risk", 0.5, 0.75],
    ]);
    expect(report.spectrum[2]).toMatchObject({
      leadership: "Influences, trusts and gives creative freedom",
      management: "Controls and directs",
    });
  });

  it("draws the trend oldest first, the current snapshot last", () => {
    const older = snapshotOf(3, {}, [2, 2, 2]);
    const old = snapshotOf(3, {}, [2, 3, 3]);
    const withTrend = deriveReport(snapshot, {
      releasedAt: new Date("2026-03-12T10:00:00Z"),
      earlier: [
        { releasedAt: "2025-09-01T00:00:00Z", snapshot: old },
        { releasedAt: new Date("2025-03-01T00:00:00Z"), snapshot: older },
      ],
    });
    expect(withTrend.trend.empower).toEqual([
      { releasedAt: "2025-03-01T00:00:00.000Z", mean: 2 },
      { releasedAt: "2025-09-01T00:00:00.000Z", mean: 2.67 },
      { releasedAt: "2026-03-12T10:00:00.000Z", mean: 4.5 },
    ]);
    expect(deriveReport(snapshot).trend.risk).toEqual([{ releasedAt: null, mean: 3 }]);
  });

  it("leaves hidden figures out rather than guessing", () => {
    const hidden = structuredClone(snapshot);
    const risk = hidden.dimensions[4];
    if (!risk) throw new Error("no risk dimension");
    risk.others = null;
    for (const item of risk.items) item.others = null;
    const derived = deriveReport(hidden);
    expect(derived.gaps[4]).toEqual({ key: "risk", self: 4, others: null, gap: null });
    expect(derived.spectrum[4]?.position).toBeNull();
    expect(derived.items.some((item) => item.dimension === "risk")).toBe(false);
    expect(derived.blindSpots.map((finding) => finding.dimension)).not.toContain("risk");
  });

  it("lists a behaviour once when few are shown", () => {
    const few = structuredClone(snapshot);
    for (const dimension of few.dimensions) for (const item of dimension.items.slice(1)) item.others = null;
    const derived = deriveReport(few);
    expect(derived.highest).toHaveLength(3);
    expect(derived.lowest).toHaveLength(2);
    expect(new Set([...derived.highest, ...derived.lowest].map((item) => item.itemId)).size).toBe(5);
  });

  it("refuses bad options and unknown instrument versions", () => {
    expect(() => deriveReport(snapshot, { blindSpotGap: 0 })).toThrow(InvalidInputError);
    expect(() => deriveReport(snapshot, { earlier: [{ releasedAt: "soon", snapshot }] })).toThrow(
      '"soon" is not a date',
    );
    expect(() => deriveReport({ ...snapshot, instrumentVersion: 42 })).toThrow(NotFoundError);
  });
});
