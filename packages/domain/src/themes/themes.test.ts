// The theme decision, three ways: worked examples, properties over generated comments, and through
// aggregate() (themes come only from the comments a report shows).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate } from "../anonymity/aggregate";
import { rater } from "../anonymity/testing/build";
import type { RaterResponse } from "../anonymity/types";
import { DIMENSION_KEYS, type DimensionKey, INSTRUMENT_V1 } from "../instrument";
import { decideThemes, type Phrase, type ThemeSource } from "./themes";

/** A stand-in for the language library: words lower-cased, a trailing "s" as the only inflection. */
const lemma = (text: string) =>
  text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/s$/, ""))
    .join(" ");
const phrase = (text: string): Phrase => ({ key: lemma(text), text: text.toLowerCase() });
const source = (response: number, dimension: DimensionKey, ...texts: string[]): ThemeSource => ({
  response,
  dimension,
  phrases: texts.map(phrase),
});

describe("decideThemes: examples", () => {
  it("shows a phrase three responses share, with how many, and not one two responses share", () => {
    const themes = decideThemes(
      [
        source(1, "vision", "clear goals", "roadmap"),
        source(2, "vision", "clear goals", "roadmap"),
        source(3, "vision", "clear goals"),
        source(4, "vision", "vague plans"),
      ],
      3,
    );
    expect(themes.vision).toEqual([{ label: "clear goals", responses: 3 }]);
    expect(themes.inspire).toEqual([]);
  });

  it("counts a response once however often it repeats the phrase", () => {
    const sources = [
      source(1, "risk", ...Array(10).fill("bold decisions")),
      source(2, "risk", "bold decisions"),
    ];
    expect(decideThemes(sources, 3).risk).toEqual([]);
    // Repeated as separate sources too (one response, one dimension): still one.
    expect(decideThemes([...sources, source(1, "risk", "bold decisions")], 3).risk).toEqual([]);
  });

  it("labels with a wording k responses wrote, else with the key they all share", () => {
    const mixed = decideThemes(
      [
        source(1, "dream", "big picture"),
        source(2, "dream", "big pictures"),
        source(3, "dream", "Big Picture"),
      ],
      3,
    );
    // "big picture" was written by two (1 and 3) only: the label is the shared key, itself "big picture".
    expect(mixed.dream).toEqual([{ label: "big picture", responses: 3 }]);
    const unique = decideThemes(
      [
        source(1, "dream", "long-term bets"),
        source(2, "dream", "long-term bet"),
        source(3, "dream", "long-term bet"),
      ],
      3,
    );
    expect(unique.dream).toEqual([{ label: "long-term bet", responses: 3 }]);
    const spread = decideThemes(
      [source(1, "dream", "moonshots"), source(2, "dream", "moonshot"), source(3, "dream", "moonshots")],
      3,
    );
    expect(spread.dream).toEqual([{ label: "moonshot", responses: 3 }]);
  });

  it("drops a shorter phrase that only ever came with a longer one, keeps it where it spread wider", () => {
    const same = decideThemes(
      [1, 2, 3].map((r) => source(r, "empower", "trust", "full trust")),
      3,
    );
    expect(same.empower).toEqual([{ label: "full trust", responses: 3 }]);
    const wider = decideThemes(
      [...[1, 2, 3].map((r) => source(r, "empower", "trust", "full trust")), source(4, "empower", "trust")],
      3,
    );
    expect(wider.empower).toEqual([
      { label: "trust", responses: 4 },
      { label: "full trust", responses: 3 },
    ]);
  });

  it("keeps dimensions apart and shows the most shared first, at most eight", () => {
    const many = Array.from({ length: 12 }, (_, i) => `topic${String.fromCharCode(97 + i)}`);
    const sources = [1, 2, 3, 4].map((r) => source(r, "inspire", ...many.slice(0, r === 4 ? 1 : 12)));
    sources.push(source(5, "vision", "topica"), source(6, "vision", "topica"));
    const themes = decideThemes(sources, 3);
    expect(themes.inspire).toHaveLength(8);
    expect(themes.inspire[0]).toEqual({ label: "topica", responses: 4 });
    expect(themes.vision).toEqual([]);
  });
});

// Phrases from a small vocabulary, so that phrases recur; the wording decides the key.
const vocabulary = [
  "goal",
  "goals",
  "clear goal",
  "clear goals",
  "feedback",
  "honest feedback",
  "meeting",
  "weekly meetings",
  "trust",
  "roadmap",
];
const response = fc.record({
  dimension: fc.constantFrom<DimensionKey>("inspire", "vision"),
  texts: fc.array(fc.constantFrom(...vocabulary), { maxLength: 5 }),
});
const world = fc.record({
  threshold: fc.integer({ min: 3, max: 5 }),
  responses: fc.array(fc.array(response, { maxLength: 2 }), { maxLength: 14 }),
});
type World = { threshold: number; responses: { dimension: DimensionKey; texts: string[] }[][] };

/** Each response comments at most once per dimension, as the answer set insists. */
function sourcesOf(responses: World["responses"], ids: (index: number) => string | number = (i) => i) {
  return responses.flatMap((comments, index) => {
    const byDimension = new Map<DimensionKey, string[]>();
    for (const c of comments)
      byDimension.set(c.dimension, [...(byDimension.get(c.dimension) ?? []), ...c.texts]);
    return [...byDimension]
      .map(([dimension, texts]) => source(0, dimension, ...texts))
      .map((s) => ({ ...s, response: ids(index) }));
  });
}

/** Responses that used this label as a wording, or as a key. */
function usersOf(sources: readonly ThemeSource[], dimension: DimensionKey, label: string) {
  const by = (pick: (p: Phrase) => string) =>
    new Set(
      sources
        .filter((s) => s.dimension === dimension && s.phrases.some((p) => pick(p) === label))
        .map((s) => s.response),
    ).size;
  return { wrote: by((p) => p.text), keyed: by((p) => p.key) };
}

const unlimited = { limit: Number.POSITIVE_INFINITY };

describe("decideThemes: properties", () => {
  it("no theme stands on fewer than k different responses, and no label is a wording fewer than k used", () => {
    fc.assert(
      fc.property(world, ({ threshold, responses }) => {
        const sources = sourcesOf(responses);
        const themes = decideThemes(sources, threshold, unlimited);
        for (const dimension of DIMENSION_KEYS) {
          for (const theme of themes[dimension]) {
            expect(theme.responses).toBeGreaterThanOrEqual(threshold);
            const { wrote, keyed } = usersOf(sources, dimension, theme.label);
            // Quoted wordings were written by k responses; otherwise the label is the key all share.
            expect(wrote >= threshold || keyed >= threshold).toBe(true);
          }
        }
      }),
    );
  });

  it("a response that repeats its phrases, or arrives twice, counts once", () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 2, max: 10 }), ({ threshold, responses }, times) => {
        const sources = sourcesOf(responses);
        const repeated = sources.map((s) => ({
          ...s,
          phrases: Array.from({ length: times }, () => s.phrases).flat(),
        }));
        expect(decideThemes(repeated, threshold, unlimited)).toEqual(
          decideThemes(sources, threshold, unlimited),
        );
        expect(decideThemes([...sources, ...sources], threshold, unlimited)).toEqual(
          decideThemes(sources, threshold, unlimited),
        );
      }),
    );
  });

  it("depends on neither the order of the responses nor their ids", () => {
    fc.assert(
      fc.property(world, fc.infiniteStream(fc.double()), ({ threshold, responses }, noise) => {
        const sources = sourcesOf(responses);
        const shuffled = sourcesOf(
          [...responses]
            .map((r) => [r, noise.next().value] as const)
            .sort((a, b) => a[1] - b[1])
            .map(([r]) => r),
          (i) => `renamed-${i * 7}`,
        );
        expect(decideThemes(shuffled, threshold)).toEqual(decideThemes(sources, threshold));
      }),
    );
  });

  // What one response's removal can tell: only something about the phrases it used itself. Every
  // theme it did not use is unchanged (label and count); every theme it used loses one response or
  // vanishes; no new theme appears. A theme at exactly k vanishing does say the removed response
  // used it: that is what k allows within one report, and why rule 10 keeps two reports on one
  // subject from differing by fewer than k commenters (themes follow the comments' groups).
  it("removing one response changes only the themes it used, by one, and reveals no new one", () => {
    fc.assert(
      fc.property(world, fc.nat(), ({ threshold, responses }, pick) => {
        fc.pre(responses.length > 0);
        const removed = pick % responses.length;
        const sources = sourcesOf(responses);
        const before = decideThemes(sources, threshold, unlimited);
        const after = decideThemes(
          sources.filter((s) => s.response !== removed),
          threshold,
          unlimited,
        );
        for (const dimension of DIMENSION_KEYS) {
          const own = sources.filter((s) => s.response === removed && s.dimension === dimension);
          const used = (label: string) =>
            own.some((s) => s.phrases.some((p) => p.text === label || p.key === lemma(label)));
          // Themes matched by key: a theme the response used may fall back from a wording to its key.
          const sameKey = (a: { label: string }) => (b: { label: string }) =>
            lemma(a.label) === lemma(b.label);
          for (const theme of after[dimension]) {
            const earlier = before[dimension].find(sameKey(theme));
            expect(earlier).toBeDefined();
            if (used(theme.label)) expect(earlier?.responses).toBe(theme.responses + 1);
            else expect(earlier).toEqual(theme);
          }
          for (const theme of before[dimension]) {
            if (!after[dimension].some(sameKey(theme))) expect(used(theme.label)).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("themes through aggregate()", () => {
  const comment = (dimension: DimensionKey, text: string) => [{ dimension, text }];
  const extract = (text: string) => text.split(",").map((t) => phrase(t.trim()));
  const release = (responses: RaterResponse[], commentThreshold = 3) => {
    const result = aggregate({
      instrument: INSTRUMENT_V1,
      threshold: 3,
      seed: "themes",
      responses,
      policy: { commentThreshold },
      phrases: extract,
    });
    if (result.status !== "released") throw new Error("expected a release");
    return result.snapshot;
  };

  it("reads only the comments the report shows: a group under the comment threshold adds nothing", () => {
    const peers = [1, 2, 3].map(() => rater("peer", 4, {}, comment("vision", "clear goals")));
    const others = [1, 2].map(() => rater("other", 4, {}, comment("vision", "roadmap")));
    const self = rater("self", 5, {}, comment("vision", "roadmap"));
    const snapshot = release([...peers, ...others, self], 3);
    // Others (2) pool with peers (3), so all five comments show; the self comment never joins.
    expect(snapshot.themes?.vision).toEqual([{ label: "clear goals", responses: 3 }]);
    // Raise the comment threshold above every pool: no comment shown, so no theme either.
    expect(release([...peers, ...others, self], 6).themes?.vision).toEqual([]);
    expect(release([...peers, ...others, self], 6).comments).toEqual([]);
  });

  it("carries no themes when no extractor is given (reports before issue 19 parse the same)", () => {
    const result = aggregate({
      instrument: INSTRUMENT_V1,
      threshold: 3,
      seed: "x",
      responses: [1, 2, 3].map(() => rater("peer", 3)),
    });
    expect(result.status === "released" && result.snapshot.themes).toBe(undefined);
  });
});
