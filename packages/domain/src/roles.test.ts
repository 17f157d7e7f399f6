import { describe, expect, it } from "vitest";
import { hasAnyRole, mayRequestFeedback, ROLES, roleSchema } from "./roles";

describe("roles", () => {
  it("checks whether any wanted role is held", () => {
    expect(hasAnyRole(["member", "coach"], ["admin", "coach"])).toBe(true);
    expect(hasAnyRole(["member"], ["admin"])).toBe(false);
    expect(roleSchema.parse("manager")).toBe("manager");
    expect(ROLES).toContain("admin");
  });

  describe("who may request feedback", () => {
    const report = { id: "r", managerId: "m" };
    it("lets a manager ask about a direct report, whatever roles they hold", () => {
      expect(mayRequestFeedback({ personId: "m", roles: ["member"] }, report)).toBe(true);
    });
    it("lets an admin ask about anyone", () => {
      expect(mayRequestFeedback({ personId: "a", roles: ["admin"] }, report)).toBe(true);
    });
    it("lets a manager ask about themself, but not a plain member", () => {
      expect(mayRequestFeedback({ personId: "m", roles: ["manager"] }, { id: "m", managerId: null })).toBe(
        true,
      );
      expect(mayRequestFeedback({ personId: "r", roles: ["member"] }, report)).toBe(false);
    });
    it("refuses anyone else", () => {
      expect(mayRequestFeedback({ personId: "x", roles: ["coach", "member"] }, report)).toBe(false);
    });
  });
});
