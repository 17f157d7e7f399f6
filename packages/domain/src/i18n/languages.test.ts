import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { LANGUAGES, languageSchema, matchLanguage, resolveLanguage } from "./languages";

describe("resolveLanguage", () => {
  test("a person's choice wins over the organisation's default and the browser", () => {
    expect(resolveLanguage({ person: "de", organisation: "en", browser: ["en-GB"] })).toBe("de");
    expect(resolveLanguage({ person: null, organisation: "de", browser: ["en-GB"] })).toBe("de");
  });
  test("before sign-in the first browser language Fivefold speaks, else English", () => {
    expect(resolveLanguage({ browser: ["fr-FR", "de-AT", "en"] })).toBe("de");
    expect(resolveLanguage({ browser: ["fr-FR", "ja"] })).toBe("en");
    expect(resolveLanguage({})).toBe("en");
  });
  test("always one of the languages, whatever the browser says", () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.constantFrom(null, ...LANGUAGES), (browser, org) => {
        const language = resolveLanguage({ organisation: org, browser });
        expect(LANGUAGES).toContain(language);
        if (org) expect(language).toBe(org);
      }),
    );
  });
});

test("matchLanguage reads the primary subtag only", () => {
  expect(matchLanguage("DE_ch")).toBe("de");
  expect(matchLanguage("deu")).toBeNull();
  expect(matchLanguage(undefined)).toBeNull();
});

test("languageSchema refuses a language Fivefold does not speak, with a sentence", () => {
  const result = languageSchema.safeParse("fr");
  expect(result.success).toBe(false);
  expect(result.error?.issues[0]?.message).toBe("Choose English (en) or German (de)");
});
