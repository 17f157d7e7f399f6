import { describe, expect, it } from "vitest";
import { COMMENT_MAX_LENGTH, commentLength, commentTextSchema } from ".";

describe("commentLength", () => {
  it("counts an emoji once, as the limit does, though it takes two UTF-16 units", () => {
    expect("👍".length).toBe(2);
    expect(commentLength("👍")).toBe(1);
    expect(commentLength("Great 👍🏽")).toBe(8);
  });

  it("is the measure the schema limits: the longest comment of emoji passes, one more fails", () => {
    const longest = "🙂".repeat(COMMENT_MAX_LENGTH);
    expect(commentLength(longest)).toBe(COMMENT_MAX_LENGTH);
    expect(commentTextSchema.safeParse(longest).success).toBe(true);
    expect(commentTextSchema.safeParse(`${longest}🙂`).success).toBe(false);
  });
});
