import { describe, expect, it } from "vitest";
import { findUncleanText, MAX_INPUT_DEPTH, MAX_TEXT_LENGTH } from ".";

describe("text the API accepts", () => {
  it("passes well-formed text, emoji (a surrogate pair) included, and non-strings", () => {
    expect(findUncleanText({ a: "Grüße 👋", b: [1, true, null, new Date()], c: { d: "" } })).toBeNull();
  });
  it("names the first bad value by its path", () => {
    expect(findUncleanText({ raters: [{ email: "ok" }, { email: "x\u0000" }] })).toEqual({
      path: "raters.1.email",
      problem: "contains a NUL character",
    });
    expect(findUncleanText("\uDBFF")?.problem).toMatch(/unpaired UTF-16 surrogate/);
    expect(findUncleanText("a\uDC00b")?.problem).toMatch(/unpaired/);
    expect(findUncleanText({ ["k\u0000"]: 1 })).toEqual({
      path: "k\u0000",
      problem: "has a key that contains a NUL character",
    });
  });
  it("refuses absurd lengths and depths", () => {
    expect(findUncleanText("x".repeat(MAX_TEXT_LENGTH + 1))?.problem).toMatch(/longer than/);
    let deep: unknown = "leaf";
    for (let i = 0; i < MAX_INPUT_DEPTH + 1; i++) deep = [deep];
    expect(findUncleanText(deep)?.problem).toMatch(/deeper than/);
  });
});
