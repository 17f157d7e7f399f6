import { describe, expect, it } from "vitest";
import { ConflictError, PreconditionFailedError } from "../errors";
import { assertCanLeave, CIRCLE, canInvite, checkCircleReady, type Partnership } from "./circle";

const partners = (accepted: number, others: Partnership[] = []): Partnership[] => [
  ...Array.from({ length: accepted }, (): Partnership => ({ role: "partner", state: "accepted" })),
  ...others,
];
const lead: Partnership = { role: "lead", state: "accepted" };

describe("support circle", () => {
  it("is ready with 3 to 5 accepted partners and one accepted lead", () => {
    expect(CIRCLE).toEqual({ minPartners: 3, maxPartners: 5 });
    expect(checkCircleReady(partners(3, [lead]))).toEqual({ partners: 3, leads: 1 });
    expect(checkCircleReady(partners(5, [lead, { role: "partner", state: "declined" }]))).toEqual({
      partners: 5,
      leads: 1,
    });
  });

  it("says what is missing", () => {
    expect(() => checkCircleReady(partners(2, [lead, { role: "partner", state: "invited" }]))).toThrow(
      "The support circle is not ready: it needs at least 3 accepted partners and has 2 so far.",
    );
    expect(() => checkCircleReady(partners(6, [lead]))).toThrow("it can have at most 5 partners and has 6");
    expect(() => checkCircleReady(partners(3, [{ role: "lead", state: "invited" }]))).toThrow(
      "no accountability lead has accepted yet",
    );
    expect(() => checkCircleReady(partners(1, [lead, lead]))).toThrow(
      "it needs at least 3 accepted partners and has 1 so far; it needs exactly one accountability lead and has 2.",
    );
    expect(() => checkCircleReady([])).toThrow(PreconditionFailedError);
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
