import { describe, expect, it } from "vitest";
import { ConflictError, PreconditionFailedError } from "../errors";
import {
  assertCanLeave,
  CIRCLE,
  canInvite,
  checkCircleAsked,
  circleStatus,
  type Partnership,
} from "./circle";

const partners = (accepted: number, others: Partnership[] = []): Partnership[] => [
  ...Array.from({ length: accepted }, (): Partnership => ({ role: "partner", state: "accepted" })),
  ...others,
];
const lead: Partnership = { role: "lead", state: "accepted" };

describe("support circle", () => {
  it("may be published with 3 to 5 partners and one lead asked, answered or not", () => {
    expect(CIRCLE).toEqual({ minPartners: 3, maxPartners: 5 });
    expect(checkCircleAsked(partners(3, [lead]))).toEqual({ partners: 3, leads: 1 });
    const pending: Partnership[] = [
      { role: "partner", state: "invited" },
      { role: "partner", state: "invited" },
      { role: "partner", state: "invited" },
      { role: "lead", state: "invited" },
    ];
    expect(checkCircleAsked(pending)).toEqual({ partners: 3, leads: 1 });
    expect(circleStatus(pending)).toEqual({ partners: 0, leads: 0 });
    expect(checkCircleAsked(partners(5, [lead, { role: "partner", state: "declined" }]))).toEqual({
      partners: 5,
      leads: 1,
    });
  });

  it("says what is missing, declined invitations not counting", () => {
    expect(() => checkCircleAsked(partners(2, [lead, { role: "partner", state: "declined" }]))).toThrow(
      "The support circle is not ready: invite at least 3 partners (2 invited or accepted so far).",
    );
    expect(() => checkCircleAsked(partners(6, [lead]))).toThrow("it can have at most 5 partners and has 6");
    expect(() => checkCircleAsked(partners(3, [{ role: "lead", state: "declined" }]))).toThrow(
      "invite an accountability lead",
    );
    expect(() => checkCircleAsked(partners(1, [lead, lead]))).toThrow(
      "invite at least 3 partners (1 invited or accepted so far); it needs exactly one accountability lead and has 2.",
    );
    expect(() => checkCircleAsked([])).toThrow(PreconditionFailedError);
  });

  it("allows invitations while there is room, not counting declines", () => {
    expect(canInvite(partners(4, [{ role: "partner", state: "invited" }]), "partner")).toBe(false);
    expect(canInvite(partners(4, [{ role: "partner", state: "declined" }]), "partner")).toBe(true);
    expect(canInvite([{ role: "lead", state: "declined" }], "lead")).toBe(true);
    expect(canInvite([{ role: "lead", state: "invited" }], "lead")).toBe(false);
  });

  it("lets a partner leave only a circle they joined", () => {
    expect(() => assertCanLeave("accepted")).not.toThrow();
    expect(() => assertCanLeave("invited")).toThrow(PreconditionFailedError);
    expect(() => assertCanLeave("declined")).toThrow(ConflictError);
  });
});
