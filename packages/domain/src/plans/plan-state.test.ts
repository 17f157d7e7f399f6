// The coaching plan's states: draft → active → closed, draft → closed; closed is final.
import { describe, expect, it } from "vitest";
import { PreconditionFailedError } from "../errors";
import { assertPlanEditable, assertPlanRunning, PLAN_STATES, planTransition } from "./plan-state";

describe("plan states", () => {
  it("publishes a draft and closes a draft or an active plan", () => {
    expect(PLAN_STATES).toEqual(["draft", "active", "closed"]);
    expect(planTransition("draft", "publish")).toBe("active");
    expect(planTransition("draft", "close")).toBe("closed");
    expect(planTransition("active", "close")).toBe("closed");
  });

  it("refuses to publish twice or to touch a closed plan", () => {
    expect(() => planTransition("active", "publish")).toThrow("This plan is already published");
    expect(() => planTransition("closed", "publish")).toThrow("This plan is closed");
    expect(() => planTransition("closed", "close")).toThrow(PreconditionFailedError);
  });

  it("lets the owner edit until the plan closes, and check in only while it runs", () => {
    expect(() => assertPlanEditable("draft")).not.toThrow();
    expect(() => assertPlanEditable("active")).not.toThrow();
    expect(() => assertPlanEditable("closed")).toThrow("can no longer change");
    expect(() => assertPlanRunning("active")).not.toThrow();
    expect(() => assertPlanRunning("draft")).toThrow("Publish the plan before logging check-ins");
    expect(() => assertPlanRunning("closed")).toThrow("This plan is closed");
  });
});
