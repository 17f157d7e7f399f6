// An organisation's own instrument: what a draft may change, and what a version asks.
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors";
import {
  BUILT_IN_RECORD,
  builtInItems,
  DIMENSION_KEYS,
  draftChanges,
  INSTRUMENT_V1,
  instrumentOf,
  instrumentResolver,
  keptKeys,
  type VersionItem,
  validateDraft,
  versionItemsSchema,
} from "./index";

const added: VersionItem = {
  key: "inspire.listen-first",
  dimension: "inspire",
  text: { en: "Listens before proposing a way forward", de: "Hört zu, bevor ein Weg vorgeschlagen wird" },
  retired: false,
};

function messageOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

describe("the built-in version as editable items", () => {
  it("has every v1 behaviour in English and German, keyed by its id", () => {
    const items = builtInItems();
    expect(items.map((i) => i.key)).toEqual(
      INSTRUMENT_V1.dimensions.flatMap((d) => d.items.map((i) => i.id)),
    );
    for (const item of items) {
      expect(item.text.de).not.toBe(item.text.en);
      expect(item.text.de.length).toBeGreaterThan(10);
    }
    expect(instrumentOf(BUILT_IN_RECORD)).toBe(INSTRUMENT_V1);
    expect(versionItemsSchema.safeParse(items).success).toBe(true);
  });
});

describe("validateDraft", () => {
  const published = builtInItems();

  it("accepts a reworded, an added and a retired behaviour", () => {
    const draft = [
      ...published.map((item) =>
        item.key === "vision.4"
          ? { ...item, text: { ...item.text, en: "Offers help early when someone is stuck" } }
          : item,
      ),
      added,
    ].map((item) => (item.key === "risk.2" ? { ...item, retired: true } : item));
    expect(() => validateDraft(published, draft)).not.toThrow();
    expect(draftChanges(published, draft)).toBe(true);
    const asked = instrumentOf({ version: 2, publishedAt: null, items: draft });
    expect(asked.dimensions.map((d) => d.key)).toEqual([...DIMENSION_KEYS]);
    expect(asked.dimensions[0]?.items.map((i) => i.id)).toContain("inspire.listen-first");
    expect(asked.dimensions[4]?.items.map((i) => i.id)).not.toContain("risk.2");
  });

  it("refuses to drop a published key: it must be retired instead", () => {
    const draft = published.filter((item) => item.key !== "dream.3");
    expect(messageOf(() => validateDraft(published, draft))).toBe(
      'The behaviour "dream.3" of the published version is missing: retire it instead, so its key stays',
    );
  });

  it("refuses a key used twice, a key outside its dimension and a behaviour moved to another dimension", () => {
    expect(messageOf(() => validateDraft(published, [...published, { ...added, key: "inspire.1" }]))).toMatch(
      /used twice/,
    );
    expect(
      messageOf(() => validateDraft(published, [...published, { ...added, dimension: "vision" }])),
    ).toMatch(/must start with its dimension/);
    const moved = published.map((item) =>
      item.key === "risk.1" ? { ...item, dimension: "vision" as const } : item,
    );
    expect(messageOf(() => validateDraft(published, moved))).toMatch(
      /must start with its dimension|moving it/,
    );
  });

  it("keeps at least one asked behaviour in every dimension", () => {
    const draft = published.map((item) => (item.dimension === "empower" ? { ...item, retired: true } : item));
    expect(messageOf(() => validateDraft(published, draft))).toBe(
      "Empower others needs at least one behaviour that is not retired",
    );
  });

  it("sees a draft that changes nothing", () => {
    expect(draftChanges(published, builtInItems())).toBe(false);
  });
});

describe("instrumentResolver and keptKeys", () => {
  it("resolves the built-in and the organisation's versions, and refuses others with a sentence", () => {
    const resolve = instrumentResolver([
      { version: 2, publishedAt: null, items: [...builtInItems(), added] },
    ]);
    expect(resolve(1)).toBe(INSTRUMENT_V1);
    expect(resolve(2).version).toBe(2);
    expect(() => resolve(3)).toThrow(/Instrument version 3 is not one of this organisation's/);
  });

  it("keeps only the keys asked in every version", () => {
    const v2 = instrumentOf({
      version: 2,
      publishedAt: null,
      items: [...builtInItems().map((i) => (i.key === "inspire.2" ? { ...i, retired: true } : i)), added],
    });
    const kept = keptKeys([INSTRUMENT_V1, v2]);
    expect(kept.inspire).toEqual(["inspire.1", "inspire.3", "inspire.4"]);
    expect(kept.vision).toEqual(["vision.1", "vision.2", "vision.3", "vision.4"]);
  });
});
