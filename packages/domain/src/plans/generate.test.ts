// The plan generator's focus rule, strength choice, actions and WOOP skeleton.
import { describe, expect, it } from "vitest";
import { PreconditionFailedError } from "../errors";
import { builtInItems, DIMENSION_KEYS, type DimensionKey, INSTRUMENT_V1, instrumentOf } from "../instrument";
import type { DerivedReport, GapFinding, ItemHighlight, ProfileEntry } from "../report";
import { ACTION_CATALOGUE, WOOP_TEMPLATES } from "./catalogue";
import { ACTIONS_PER_FOCUS, findAction, generatePlan } from "./generate";
import { GENERIC_ACTIONS } from "./generic";

type Figures = Partial<Record<DimensionKey, { others: number | null; self?: number | null }>>;

/** A derived report reduced to what the generator reads. */
function report(figures: Figures, items: Partial<Record<string, number>> = {}): DerivedReport {
  const profile: ProfileEntry[] = DIMENSION_KEYS.map((key, index) => ({
    key,
    name: INSTRUMENT_V1.dimensions[index]?.name ?? key,
    others: figures[key]?.others ?? null,
    othersN: 5,
    self: figures[key]?.self ?? null,
    manager: null,
    groups: [],
  }));
  const finding = (entry: ProfileEntry): GapFinding => ({
    dimension: entry.key,
    name: entry.name,
    self: entry.self ?? 0,
    others: entry.others ?? 0,
    gap: (entry.self ?? 0) - (entry.others ?? 0),
    explanation: "",
  });
  const both = profile.filter((entry) => entry.self !== null && entry.others !== null);
  const highlights: ItemHighlight[] = Object.entries(items).map(([itemId, mean]) => ({
    itemId,
    dimension: itemId.split(".")[0] as DimensionKey,
    text: itemId,
    mean: mean ?? 3,
    n: 5,
  }));
  return {
    instrumentVersion: 1,
    profile,
    gaps: [],
    blindSpots: both.filter((entry) => (entry.self ?? 0) - (entry.others ?? 0) >= 1).map(finding),
    hiddenStrengths: both.filter((entry) => (entry.others ?? 0) - (entry.self ?? 0) >= 1).map(finding),
    items: highlights,
    highest: [],
    lowest: [],
    spectrum: [],
    trend: {} as DerivedReport["trend"],
    trendNote: null,
  };
}

describe("generatePlan: focus", () => {
  it("focuses on the lowest others-mean", () => {
    const plan = generatePlan(
      report({
        inspire: { others: 3.8 },
        vision: { others: 3.1 },
        empower: { others: 4.2 },
        dream: { others: 3.6 },
        risk: { others: 4 },
      }),
    );
    expect(plan.focus).toEqual(["vision"]);
    expect(plan.strength).toBe("empower");
    expect(plan.reasons.focus).toEqual(["Set the vision: others rate it 3.1 on average, among your lowest"]);
    expect(plan.reasons.strength).toBe("Empower others: others rate it highest (4.2) outside your focus");
  });

  it("lets a blind spot outweigh a slightly lower mean, and adds a second blind spot", () => {
    const plan = generatePlan(
      report({
        inspire: { others: 3.0, self: 3.0 },
        vision: { others: 3.3, self: 4.5 }, // blind spot, gap 1.2 → score 2.7
        empower: { others: 3.5, self: 4.6 }, // blind spot, gap 1.1 → score 2.95
        dream: { others: 4.0 },
        risk: { others: 3.9 },
      }),
    );
    expect(plan.focus).toEqual(["vision", "empower"]);
    expect(plan.reasons.focus[0]).toBe(
      "Set the vision: others rate it 3.3 on average, and you rate yourself higher (4.5), a blind spot",
    );
  });

  it("adds a near tie as second focus, but not a distant second", () => {
    const near = report({ inspire: { others: 3.0 }, vision: { others: 3.25 }, empower: { others: 4 } });
    expect(generatePlan(near).focus).toEqual(["inspire", "vision"]);
    const far = report({ inspire: { others: 3.0 }, vision: { others: 3.3 }, empower: { others: 4 } });
    expect(generatePlan(far).focus).toEqual(["inspire"]);
  });

  it("breaks ties by instrument order", () => {
    const tied = report({ risk: { others: 3 }, dream: { others: 3 }, vision: { others: 3 } });
    expect(generatePlan(tied).focus).toEqual(["vision", "dream"]);
    expect(generatePlan(tied).strength).toBe("risk");
  });

  it("prefers a hidden strength as the strength to build on", () => {
    const plan = generatePlan(
      report({
        inspire: { others: 2.5 },
        vision: { others: 4.5, self: 4.4 },
        empower: { others: 3.9, self: 2.5 },
        dream: { others: 4.0, self: 2.8 },
      }),
    );
    expect(plan.strength).toBe("empower");
    expect(plan.reasons.strength).toBe("Empower others: a hidden strength, others see it more than you do");
  });

  it("falls back to self-ratings, then instrument order, when others' figures are missing", () => {
    expect(
      generatePlan(report({ dream: { others: 3, self: 2 }, risk: { others: null, self: 4 } })).strength,
    ).toBe("risk");
    const bare = generatePlan(report({ inspire: { others: 3 } }));
    expect(bare.strength).toBe("vision");
    expect(bare.reasons.strength).toBe("No released figure points to a strength yet");
  });

  it("refuses a report with no everyone-but-self figure", () => {
    expect(() => generatePlan(report({ inspire: { others: null, self: 4 } }))).toThrow(
      PreconditionFailedError,
    );
  });
});

describe("generatePlan: actions and WOOP", () => {
  it("suggests three actions per focus dimension, those for the weakest behaviours first", () => {
    const plan = generatePlan(
      report(
        { empower: { others: 2.8 }, risk: { others: 4.4 } },
        { "empower.4": 2.1, "empower.2": 2.5, "empower.1": 3.4 },
      ),
    );
    expect(plan.actions.map((action) => action.id)).toEqual([
      "empower.ask-for-help",
      "empower.agreed-checkpoints",
      // Practises empower.1 (3.4) and the unrated empower.3 (counted as 3): ties with
      // name-the-experts and wins on catalogue order.
      "empower.credit-volunteers",
    ]);
    expect(plan.actions.every((action) => action.dimension === "empower")).toBe(true);
    expect(plan.woop).toEqual(WOOP_TEMPLATES.empower.en);
  });

  it("covers both focus dimensions", () => {
    // dream: 2.9 − 1.3 / 2 = 2.25 (blind spot); risk: 2.4, within 0.25 of it.
    const plan = generatePlan(
      report({ dream: { others: 2.9, self: 4.2 }, risk: { others: 2.4 }, vision: { others: 4 } }),
    );
    expect(plan.focus).toEqual(["dream", "risk"]);
    expect(plan.actions.map((action) => action.dimension)).toEqual([
      "dream",
      "dream",
      "dream",
      "risk",
      "risk",
      "risk",
    ]);
    expect(plan.woop.wish).toBe("Keep the big picture and long-term goals in view");
  });

  it("keeps a catalogue of 4–6 actions per dimension with unique ids tied to real behaviours", () => {
    const itemIds = new Set(
      INSTRUMENT_V1.dimensions.flatMap((dimension) => dimension.items.map((item) => item.id)),
    );
    const ids = DIMENSION_KEYS.flatMap((key) => ACTION_CATALOGUE[key].map((action) => action.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const key of DIMENSION_KEYS) {
      expect(ACTION_CATALOGUE[key].length).toBeGreaterThanOrEqual(4);
      expect(ACTION_CATALOGUE[key].length).toBeLessThanOrEqual(6);
      for (const action of ACTION_CATALOGUE[key]) {
        expect(action.id.startsWith(`${key}.`)).toBe(true);
        for (const item of action.items) expect(itemIds.has(item) && item.startsWith(`${key}.`)).toBe(true);
      }
      // Every behaviour of the dimension has at least one action that practises it.
      const practised = new Set(ACTION_CATALOGUE[key].flatMap((action) => action.items));
      expect([...itemIds].filter((id) => id.startsWith(`${key}.`) && !practised.has(id))).toEqual([]);
    }
  });

  it("writes the plan in the owner's language: German actions and WOOP from the same catalogue", () => {
    const input = report(
      { empower: { others: 2.8 }, risk: { others: 4.4 } },
      { "empower.4": 2.1, "empower.2": 2.5, "empower.1": 3.4 },
    );
    const english = generatePlan(input);
    const german = generatePlan(input, undefined, "de");
    // The same choice, only the words differ.
    expect(german.actions.map((a) => a.id)).toEqual(english.actions.map((a) => a.id));
    expect(german.focus).toEqual(english.focus);
    expect(german.actions[0]?.text).toBe(
      "Bitten Sie einmal pro Woche ein Teammitglied um Hilfe, auch wenn Sie es selbst erledigen könnten.",
    );
    expect(german.woop).toEqual(WOOP_TEMPLATES.empower.de);
    expect(german.woop.wish).toBe(
      "Darauf vertrauen, dass Menschen die Dinge auf ihre eigene Weise erledigen",
    );
  });

  it("has every action, general action and WOOP part in English and German, and no German left English", () => {
    const actions = [
      ...DIMENSION_KEYS.flatMap((key) => ACTION_CATALOGUE[key]),
      ...DIMENSION_KEYS.map((key) => GENERIC_ACTIONS[key]),
    ];
    for (const action of actions) {
      expect(action.texts.en.length, action.id).toBeGreaterThan(20);
      expect(action.texts.de.length, action.id).toBeGreaterThan(20);
      expect(action.texts.de, action.id).not.toBe(action.texts.en);
    }
    for (const key of DIMENSION_KEYS) {
      for (const part of ["wish", "outcome", "obstacle", "plan"] as const) {
        expect(WOOP_TEMPLATES[key].de[part], `${key} ${part}`).not.toBe(WOOP_TEMPLATES[key].en[part]);
        expect(WOOP_TEMPLATES[key].de[part].length).toBeGreaterThan(10);
      }
    }
  });

  it("finds an action by id", () => {
    expect(findAction("risk.announce-intention")).toMatchObject({ dimension: "risk", items: ["risk.2"] });
    expect(findAction("risk.nothing")).toBeUndefined();
  });
});

describe("generatePlan: an organisation's own behaviours", () => {
  const figures = {
    inspire: { others: 2.5 },
    vision: { others: 3.1 },
    empower: { others: 4.2 },
    dream: { others: 3.6 },
    risk: { others: 4 },
  };
  const custom = instrumentOf({
    version: 2,
    publishedAt: "2026-11-01T00:00:00.000Z",
    items: [
      ...builtInItems().map((item) => (item.key === "inspire.1" ? { ...item, retired: true } : item)),
      {
        key: "inspire.listen-first",
        dimension: "inspire",
        text: { en: "Listens first", de: "Hört zuerst zu" },
        retired: false,
      },
    ],
  });

  it("suggests the dimension's general action first when a custom behaviour is the weakest", () => {
    const plan = generatePlan(report(figures, { "inspire.listen-first": 1.5, "inspire.2": 3.5 }), custom);
    expect(plan.actions[0]).toMatchObject({ id: GENERIC_ACTIONS.inspire.id, dimension: "inspire" });
    expect(findAction(GENERIC_ACTIONS.inspire.id)).toMatchObject({ dimension: "inspire" });
  });

  it("drops catalogue actions whose behaviours were all retired", () => {
    const plan = generatePlan(report(figures, { "inspire.listen-first": 4.5 }), custom);
    expect(plan.actions.map((a) => a.id)).not.toContain("inspire.agree-way-forward");
    expect(plan.actions.filter((a) => a.dimension === "inspire")).toHaveLength(ACTIONS_PER_FOCUS);
  });

  it("never offers the general action on the built-in instrument", () => {
    const plan = generatePlan(report(figures, { "inspire.1": 1 }));
    expect(plan.actions.map((a) => a.id)).not.toContain(GENERIC_ACTIONS.inspire.id);
  });
});
