// The language a person reads in, through createCaller on the real schema: the organisation's
// default (set by an admin), each person's own choice over it, back to the default with null, and
// one person's choice never touching another's or another organisation's.
import { testDriver } from "@fivefold/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { collectOrg, createHarness, type Harness } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  b = await h.seed(collectOrg("Beta", "beta.test"));
});
afterAll(async () => {
  await h?.close();
});

describe(`languages on ${testDriver()}`, () => {
  it("a person reads the organisation's default until they choose, and again after null", async () => {
    // A caller keeps the membership it first read, as one HTTP request does: a fresh one per step.
    const p1 = () => h.as(a, "p1");
    expect(await p1().me.get()).toMatchObject({
      language: "en",
      person: { language: null },
      org: { language: "en" },
    });

    const settings = await h.as(a, "admin").settings.update({ language: "de" });
    expect(settings.language).toBe("de");
    expect((await p1().me.get()).language).toBe("de");
    // Beta's default stays its own.
    expect((await h.as(b, "p1").me.get()).language).toBe("en");

    const chosen = await p1().me.setLanguage({ language: "en" });
    expect(chosen).toMatchObject({ language: "en", person: { language: "en" }, org: { language: "de" } });
    expect((await p1().me.get()).language).toBe("en");
    // p2 still follows the organisation.
    expect((await h.as(a, "p2").me.get()).language).toBe("de");

    expect((await p1().me.setLanguage({ language: null })).language).toBe("de");
    expect((await p1().me.get()).person.language).toBeNull();
  });

  it("a language Fivefold does not speak is refused with a sentence, as a setting too", async () => {
    await expect(h.as(a, "p1").me.setLanguage({ language: "fr" as never })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("English (en) or German (de)"),
    });
    await expect(h.as(a, "admin").settings.update({ language: "xx" as never })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
