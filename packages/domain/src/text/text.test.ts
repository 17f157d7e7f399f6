import { describe, expect, it } from "vitest";
import { findUncleanText, MAX_INPUT_DEPTH, MAX_TEXT_LENGTH } from ".";

describe("text the API accepts", () => {
  it("passes well-formed text, emoji (a surrogate pair) included, and non-strings", () => {
    expect(findUncleanText({ a: "Grüße 👋", b: [1, true, null, new Date()], c: { d: "" } })).toBeNull();
  });
  it("names the first bad value by its path", () => {
    expect(findUncleanText({ raters: [{ email: "ok" }, { email: "x\u0000" }] })).toEqual({
      path: "raters.1.email",
      kind: "nul",
      inKey: false,
    });
    expect(findUncleanText("\uDBFF")).toEqual({ path: "", kind: "broken", inKey: false });
    expect(findUncleanText("a\uDC00b")?.kind).toBe("broken");
    expect(findUncleanText({ "k\u0000": 1 })).toEqual({ path: "k\u0000", kind: "nul", inKey: true });
  });
  it("refuses absurd lengths and depths", () => {
    expect(findUncleanText("x".repeat(MAX_TEXT_LENGTH + 1))?.kind).toBe("too_long");
    let deep: unknown = "leaf";
    for (let i = 0; i < MAX_INPUT_DEPTH + 1; i++) deep = [deep];
    expect(findUncleanText(deep)?.kind).toBe("too_deep");
  });
});
