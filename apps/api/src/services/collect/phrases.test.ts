// The language library's side of themes: which phrases a comment yields (the domain decides which
// become themes). Runs the real model, in process.
import { describe, expect, it } from "vitest";
import { commentPhrases } from "./phrases";

const keys = (text: string) => commentPhrases(text).map((p) => p.key);

describe("commentPhrases", () => {
  it("reads runs of adjectives and nouns with their lemmas as the key and the words as written", () => {
    expect(commentPhrases("She sets clear goals for the team.")).toEqual([
      { key: "clear goal", text: "clear goals" },
      { key: "goal", text: "goals" },
    ]);
    expect(keys("Gives honest feedback, kindly.")).toEqual(["honest feedback", "feedback"]);
  });

  it("keeps hyphenated words whole and leaves out general nouns and lone names", () => {
    expect(keys("The long-term direction is unclear.")).toEqual(["long-term direction", "direction"]);
    expect(keys("A lot of the time, Mei helps.")).toEqual([]);
  });

  it("reads no themes in a comment that does not look English", () => {
    expect(
      commentPhrases("Elle fixe des objectifs clairs pour toute l'équipe et partage la vision."),
    ).toEqual([]);
  });
});
