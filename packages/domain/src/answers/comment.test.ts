import { describe, expect, it } from "vitest";
import {
  COMMENT_MAX_BYTES,
  COMMENT_MAX_LENGTH,
  commentLength,
  commentStoredBytes,
  commentTextSchema,
} from ".";

describe("commentLength", () => {
  it("counts an emoji once, as the limit does, though it takes two UTF-16 units", () => {
    expect("👍".length).toBe(2);
    expect(commentLength("👍")).toBe(1);
    expect(commentLength("Great 👍🏽")).toBe(8);
  });

  it("is the measure the schema limits: the longest comment of letters passes, one more fails", () => {
    const longest = "é".repeat(COMMENT_MAX_LENGTH);
    expect(commentLength(longest)).toBe(COMMENT_MAX_LENGTH);
    expect(commentTextSchema.safeParse(longest).success).toBe(true);
    expect(commentTextSchema.safeParse(`${longest}é`).success).toBe(false);
  });
});

describe("commentStoredBytes", () => {
  it("limits what a comment takes once stored, so the longest answer set fits one sealed size", () => {
    // 2,000 characters of a 3-byte script fit; emoji take 4 bytes and stop at 1,500.
    expect(commentTextSchema.safeParse("€".repeat(COMMENT_MAX_LENGTH)).success).toBe(true);
    expect(commentStoredBytes("🙂".repeat(1500))).toBe(COMMENT_MAX_BYTES);
    expect(commentTextSchema.safeParse("🙂".repeat(1500)).success).toBe(true);
    const refused = commentTextSchema.safeParse("🙂".repeat(1501));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/^Shorten this comment: emoji/);
    // Escapes count as stored: a quote takes two bytes.
    expect(commentStoredBytes('say "hi"')).toBe(10);
  });

  it("refuses a surrogate without its pair: not a character, and stored as a six-byte escape", () => {
    expect(commentTextSchema.safeParse("broken \uD83D here").success).toBe(false);
    expect(commentTextSchema.safeParse("whole \uD83D\uDE42 here").success).toBe(true);
  });
});
