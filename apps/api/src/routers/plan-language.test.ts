// A new plan is written in its owner's language, through createCaller on the real schema: the
// owner's own choice, else the organisation's default, also when their coach makes it with them.
// Once written the text is the owner's: switching language later changes none of it.
import { testDriver } from "@fivefold/db/testing";
import { findAction, WOOP_TEMPLATES } from "@fivefold/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { releaseReport } from "../testing/grow";
import { collectOrg, createHarness, type Harness } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;
const dimensionOf = (itemId: string) => itemId.split(".")[0] ?? "";
// Others low on taking risks and dreaming bigger: those become the focus, risk first.
const score = (index: number, itemId: string) =>
  ({ risk: [2, 1, 2, 2], dream: [3, 2, 3, 3] })[dimensionOf(itemId)]?.[index] ?? 4;
const peers = (keys: string[]) => keys.map((key) => ({ key, group: "peer" as const }));

let subjectRequest: string;
let coacheeRequest: string;
let betaRequest: string;

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  b = await h.seed(collectOrg("Beta", "beta.test"));
  subjectRequest = await releaseReport(h, a, "subject", peers(["p1", "p2", "p3", "p4"]), score);
  coacheeRequest = await releaseReport(h, a, "p2", peers(["p3", "p4", "p5", "p6"]), score);
  betaRequest = await releaseReport(h, b, "subject", peers(["p1", "p2", "p3", "p4"]), score);
}, 60_000);
afterAll(async () => {
  await h?.close();
});

/** Every action's text is the catalogue's in `language`, and the WOOP is the risk skeleton's. */
function expectWrittenIn(
  plan: { actions: { id: string; text: string }[]; woop: Record<string, string> },
  language: "en" | "de",
) {
  expect(plan.actions.length).toBeGreaterThan(0);
  for (const action of plan.actions) expect(action.text).toBe(findAction(action.id)?.texts[language]);
  expect(plan.woop).toEqual(WOOP_TEMPLATES.risk[language]);
}

describe(`a plan's language on ${testDriver()}`, () => {
  it("is the owner's choice: German for a subject who reads German, and it stays when they switch", async () => {
    await h.as(a, "subject").me.setLanguage({ language: "de" });
    const created = await h.as(a, "subject").plans.create({ requestId: subjectRequest });
    expect(created.focus[0]).toBe("risk");
    expectWrittenIn(created, "de");
    expect(created.woop.wish).toBe("Mutige, begründete Entscheidungen treffen und zu ihnen stehen");

    // The text is the owner's now: reading it in English later shows what was written.
    await h.as(a, "subject").me.setLanguage({ language: "en" });
    const read = await h.as(a, "subject").plans.get({ planId: created.id });
    expect(read.actions.map((x) => x.text)).toEqual(created.actions.map((x) => x.text));
    expect(read.woop).toEqual(created.woop);
    // An edit keeps the rest as written too.
    const edited = await h
      .as(a, "subject")
      .plans.update({ planId: created.id, woop: { wish: "Mein Wunsch" } });
    expect(edited.woop).toEqual({ ...created.woop, wish: "Mein Wunsch" });
  });

  it("is the owner's, not the caller's, when their coach makes it with them", async () => {
    await h.as(a, "p2").me.setLanguage({ language: "de" });
    expect((await h.as(a, "coach").me.get()).language).toBe("en");
    const created = await h.as(a, "coach").plans.create({ requestId: coacheeRequest });
    expectWrittenIn(created, "de");
  });

  it("follows the organisation's default when the owner chose none, and English by default", async () => {
    // Beta reads English: a plan there is English.
    expect((await h.as(b, "subject").me.get()).language).toBe("en");
    await h.as(b, "admin").settings.update({ language: "de" });
    expect((await h.as(b, "subject").me.get()).person.language).toBeNull();
    const german = await h.as(b, "subject").plans.create({ requestId: betaRequest });
    expectWrittenIn(german, "de");
  });

  it("is English for an owner who reads English", async () => {
    const english = await releaseReport(h, a, "p3", peers(["p1", "p4", "p5", "p6"]), score);
    const created = await h.as(a, "p3").plans.create({ requestId: english });
    expectWrittenIn(created, "en");
  });
});
