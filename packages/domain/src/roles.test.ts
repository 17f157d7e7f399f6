import { describe, expect, it } from "vitest";
import { hasAnyRole, ROLES, roleSchema } from "./roles";

describe("roles", () => {
  it("checks whether any wanted role is held", () => {
    expect(hasAnyRole(["member", "coach"], ["admin", "coach"])).toBe(true);
    expect(hasAnyRole(["member"], ["admin"])).toBe(false);
    expect(roleSchema.parse("manager")).toBe("manager");
    expect(ROLES).toContain("admin");
  });
});
