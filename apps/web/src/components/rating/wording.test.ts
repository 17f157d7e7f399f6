// The form's English copies of the instrument's words are the instrument's own, so English pages read
// exactly what the server sends; a behaviour shows the page's language, English where it has no other.
import { anonymityPromise, INSTRUMENT_V1, PULSE_SCALE } from "@fivefold/domain";
import { describe, expect, it } from "vitest";
import en from "../../i18n/locales/en/rating.json";

describe("the rating namespace's copies of the instrument", () => {
  it("names, descriptions and scale are word for word the built-in instrument's", () => {
    for (const dimension of INSTRUMENT_V1.dimensions) {
      expect(en.dimension[dimension.key]).toEqual({
        name: dimension.name,
        description: dimension.description,
      });
    }
    expect(INSTRUMENT_V1.scale.labels.map((_, i) => en.scale[String(i + 1) as "1"])).toEqual([
      ...INSTRUMENT_V1.scale.labels,
    ]);
    expect(en.scale.notObserved).toBe(INSTRUMENT_V1.scale.notObservedLabel);
    expect(["m3", "m2", "m1", "0", "p1", "p2", "p3"].map((k) => en.pulse.scale[k as "m3"])).toEqual([
      ...PULSE_SCALE.labels,
    ]);
    expect(en.pulse.scale.cannotSay).toBe(PULSE_SCALE.notObservedLabel);
  });

  it("the promise is word for word the domain's sentence for each group", () => {
    expect(en.promise.self).toBe(anonymityPromise("self"));
    expect(en.promise.manager).toBe(anonymityPromise("manager"));
    expect(en.promise.anonymous.replace("{{threshold}}", "4")).toBe(anonymityPromise("peer", 4));
  });
});
