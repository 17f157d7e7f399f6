import { describe, expect, it } from "vitest";
import {
  MAX_ANONYMITY_THRESHOLD,
  MAX_ANONYMOUS_RATERS,
  MIN_ANONYMOUS_RATERS,
  minimumAnonymousRaters,
} from ".";

describe("anonymous raters per request", () => {
  it("needs the organisation's threshold, never fewer than three", () => {
    expect(minimumAnonymousRaters(3)).toBe(3);
    expect(minimumAnonymousRaters(5)).toBe(5);
    expect(minimumAnonymousRaters(1)).toBe(MIN_ANONYMOUS_RATERS);
  });

  it("can always meet the highest threshold within the maximum", () => {
    expect(minimumAnonymousRaters(MAX_ANONYMITY_THRESHOLD)).toBeLessThanOrEqual(MAX_ANONYMOUS_RATERS);
  });
});
