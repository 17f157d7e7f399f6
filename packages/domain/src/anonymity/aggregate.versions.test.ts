// Property tests for an organisation's own instrument versions (issue 19): aggregation on a custom
// version never mixes items across keys (a score under a key the version does not ask is refused,
// never counted under another item), k still holds per figure, and a trend across versions reads
// only the behaviours kept under the same key.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  builtInItems,
  DIMENSION_KEYS,
  INSTRUMENT_V1,
  type Instrument,
  instrumentOf,
  type VersionItem,
} from "../instrument";
import { deriveReport } from "../report";
import { aggregate } from "./aggregate";
import { readSnapshot, subtractionViolations, thresholdViolations } from "./testing/checker";
import { scenarioArbitrary, scenarioInput } from "./testing/generate";
import type { ReportSnapshot } from "./types";

const RUNS = { numRuns: 1_000 };

/** A version an admin could publish: some built-in behaviours retired (one kept per dimension), some added. */
const versionArbitrary: fc.Arbitrary<Instrument> = fc
  .record({
    version: fc.integer({ min: 2, max: 40 }),
    retire: fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
    added: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }),
  })
  .map(({ version, retire, added }) => {
    const items: VersionItem[] = builtInItems().map((item, index) => ({
      ...item,
      // The first behaviour of each dimension stays asked, so every dimension keeps one.
      retired: !item.key.endsWith(".1") && Boolean(retire[index]),
    }));
    DIMENSION_KEYS.forEach((dimension, d) => {
      for (let n = 0; n < (added[d] ?? 0); n += 1) {
        items.push({
          key: `${dimension}.own-${version}-${n}`,
          dimension,
          text: { en: `Own behaviour ${n}`, de: `Eigenes Verhalten ${n}` },
          retired: false,
        });
      }
    });
    return instrumentOf({ version, publishedAt: null, items });
  });

const itemIds = (instrument: Instrument) => instrument.dimensions.flatMap((d) => d.items.map((i) => i.id));

describe("aggregation per instrument version", () => {
  it("shows exactly the version's items, each figure what it claims and on at least k raters", () => {
    fc.assert(
      fc.property(versionArbitrary, scenarioArbitrary(), (instrument, scenario) => {
        const input = scenarioInput(instrument, scenario);
        const result = aggregate(input);
        if (result.status !== "released") return;
        const { snapshot } = result;
        expect(snapshot.instrumentVersion).toBe(instrument.version);
        expect(snapshot.dimensions.flatMap((d) => d.items.map((i) => i.id))).toEqual(itemIds(instrument));
        const reading = readSnapshot(instrument, input.responses, snapshot);
        expect(reading.problems).toEqual([]);
        expect(thresholdViolations(reading, scenario.threshold)).toEqual([]);
        expect(subtractionViolations(reading, scenario.threshold)).toEqual([]);
      }),
      RUNS,
    );
  });

  it("refuses a score under a key the version does not ask instead of counting it anywhere", () => {
    fc.assert(
      fc.property(versionArbitrary, scenarioArbitrary(), fc.nat(), (instrument, scenario, pick) => {
        const asked = new Set(itemIds(instrument));
        const foreign = [...itemIds(INSTRUMENT_V1), "inspire.own-elsewhere"].filter((id) => !asked.has(id));
        const key = foreign[pick % foreign.length];
        const input = scenarioInput(instrument, scenario);
        if (key === undefined || input.responses.length === 0) return;
        const [first, ...rest] = input.responses;
        const tampered = [
          { ...first, group: first?.group ?? "peer", answers: { ...first?.answers, [key]: 4 as const } },
          ...rest,
        ];
        expect(() => aggregate({ ...input, responses: tampered })).toThrow(/does not have/);
      }),
      RUNS,
    );
  });
});

describe("a trend across versions", () => {
  /** A snapshot's item figures moved by `shift` everywhere except on `keep`. */
  function shifted(snapshot: ReportSnapshot, keep: ReadonlySet<string>, shift: number): ReportSnapshot {
    return {
      ...snapshot,
      dimensions: snapshot.dimensions.map((d) => ({
        ...d,
        others: d.others ? { ...d.others, mean: Math.min(5, d.others.mean + shift) } : null,
        items: d.items.map((item) =>
          keep.has(item.id) || !item.others
            ? item
            : { ...item, others: { ...item.others, mean: Math.min(5, item.others.mean + shift) } },
        ),
      })),
    };
  }

  it("depends only on the behaviours asked under the same key in both versions, and says so", () => {
    fc.assert(
      fc.property(versionArbitrary, scenarioArbitrary(4), scenarioArbitrary(4), (custom, a, b) => {
        const before = aggregate(scenarioInput(INSTRUMENT_V1, a));
        const after = aggregate(scenarioInput(custom, b));
        if (before.status !== "released" || after.status !== "released") return;
        const instrumentOfVersion = (version: number) => (version === 1 ? INSTRUMENT_V1 : custom);
        const kept = new Set(itemIds(custom).filter((id) => itemIds(INSTRUMENT_V1).includes(id)));
        const derive = (earlier: ReportSnapshot, current: ReportSnapshot) =>
          deriveReport(current, {
            earlier: [{ releasedAt: "2026-04-01T00:00:00.000Z", snapshot: earlier }],
            releasedAt: "2026-10-01T00:00:00.000Z",
            instrumentOf: instrumentOfVersion,
          });
        const plain = derive(before.snapshot, after.snapshot);
        const moved = derive(shifted(before.snapshot, kept, 0.5), shifted(after.snapshot, kept, 0.5));
        expect(moved.trend).toEqual(plain.trend);
        expect(plain.trendNote).toMatch(/compares only the \d+ behaviours asked under the same key/);
      }),
      RUNS,
    );
  });
});
