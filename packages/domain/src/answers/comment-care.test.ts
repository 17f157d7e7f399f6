import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commentCareMessage, commentRisks } from "./comment-care";

const kinds = (text: string, allowedNames?: string[]) =>
  commentRisks(text, allowedNames ? { allowedNames } : {}).map((r) => `${r.kind}:${r.match}`);

describe("commentRisks", () => {
  it("finds a colleague's name, a date and a one-off event", () => {
    expect(kinds("At the offsite on 12 March she thanked Anna Berg in front of everyone.")).toEqual([
      "name:Anna",
      "name:Berg",
      "date:12 March",
      "event:the offsite",
    ]);
  });

  it("finds numeric and relative dates, and first-person events", () => {
    expect(kinds("Yesterday in our 1:1 she listened.")).toEqual(["date:Yesterday", "event:our 1:1"]);
    expect(kinds("since 2026-11-03 things improved")).toEqual(["date:2026-11-03"]);
    expect(kinds("when I raised it, I was the only one to be heard")).toEqual([
      "event:when I raised",
      "event:I was the only",
      "event:the only one",
    ]);
  });

  it("does not flag the first word of a sentence, I, or the subject's own name", () => {
    expect(kinds("Great listener. Mei gives clear goals. I trust her.", ["Mei Lin"])).toEqual([]);
  });

  it("says nothing for a comment about behaviour in general", () => {
    expect(
      kinds("Gives clear goals and trusts people to find their own way; could share the why more often."),
    ).toEqual([]);
    expect(commentCareMessage([])).toBeNull();
  });

  it("writes one gentle sentence naming the kinds found", () => {
    expect(commentCareMessage(commentRisks("At the offsite she thanked Anna."))).toBe(
      "This comment mentions a name and a particular event (“Anna”, “the offsite”) that could point back to you. Describing the behaviour in general keeps you anonymous; you can still send it as it is.",
    );
  });

  const safeWord = fc.constantFrom(
    "gives",
    "clear",
    "goals",
    "and",
    "trusts",
    "people",
    "often",
    "listens",
    "the",
    "team",
    "more",
  );
  const safeText = fc.array(safeWord, { minLength: 1, maxLength: 30 }).map((w) => `${w.join(" ")}.`);

  it("never flags lowercase text about behaviour (property)", () => {
    fc.assert(
      fc.property(safeText, (text) => {
        expect(commentRisks(text)).toEqual([]);
      }),
    );
  });

  it("always flags a day and month put into any comment (property)", () => {
    const month = fc.constantFrom("January", "March", "June", "October", "December");
    fc.assert(
      fc.property(safeText, safeText, fc.integer({ min: 1, max: 28 }), month, (before, after, day, m) => {
        const risks = commentRisks(`${before} on ${day} ${m} ${after}`);
        expect(risks.some((r) => r.kind === "date" && r.match === `${day} ${m}`)).toBe(true);
      }),
    );
  });

  it("only ever reports words that are in the comment (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        for (const risk of commentRisks(text)) expect(text.toLowerCase()).toContain(risk.match.toLowerCase());
      }),
    );
  });
});
