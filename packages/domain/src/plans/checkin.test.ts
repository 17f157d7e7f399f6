// Check-ins against the plan's chosen actions, and the texts partners and the owner write.
import { describe, expect, it } from "vitest";
import { parseInput } from "../answers";
import { InvalidInputError } from "../errors";
import { applyCheckin, checkinInputSchema, encouragementSchema, reflectionSchema } from "./checkin";
import type { PlanAction } from "./plan-content";

const actions: PlanAction[] = [
  { id: "risk.announce-intention", dimension: "risk", text: "Announce", picked: true, status: "not_started" },
  {
    id: "risk.decide-postponed",
    dimension: "risk",
    text: "Small bets",
    picked: false,
    status: "not_started",
  },
  { id: "custom-1", dimension: "risk", text: "Own", picked: true, status: "in_progress" },
];

describe("applyCheckin", () => {
  it("records the status of every chosen action and updates the plan", () => {
    const record = applyCheckin(
      { state: "active", actions },
      { progress: 40, note: "Went well", actions: [{ actionId: "risk.announce-intention", status: "done" }] },
    );
    expect(record.progress).toBe(40);
    expect(record.note).toBe("Went well");
    expect(record.actions).toEqual([
      { actionId: "risk.announce-intention", status: "done" },
      { actionId: "custom-1", status: "in_progress" },
    ]);
    expect(record.planActions.map((action) => action.status)).toEqual(["done", "not_started", "in_progress"]);
  });

  it("refuses actions that are not chosen, listed twice, or a plan that is not running", () => {
    const base = { progress: 10, note: "" };
    expect(() =>
      applyCheckin(
        { state: "active", actions },
        { ...base, actions: [{ actionId: "risk.decide-postponed", status: "done" }] },
      ),
    ).toThrow(InvalidInputError);
    expect(() =>
      applyCheckin(
        { state: "active", actions },
        {
          ...base,
          actions: [
            { actionId: "custom-1", status: "done" },
            { actionId: "custom-1", status: "in_progress" },
          ],
        },
      ),
    ).toThrow("An action is listed twice in the check-in");
    expect(() => applyCheckin({ state: "draft", actions }, { ...base, actions: [] })).toThrow(
      "Publish the plan before logging check-ins",
    );
    expect(() => applyCheckin({ state: "closed", actions }, { ...base, actions: [] })).toThrow(
      "This plan is closed",
    );
  });

  it("parses progress, note and statuses with readable messages", () => {
    expect(parseInput(checkinInputSchema, { progress: 0 })).toEqual({ progress: 0, note: "", actions: [] });
    expect(() => parseInput(checkinInputSchema, { progress: 101 })).toThrow(
      "Progress is a number from 0 to 100",
    );
    expect(() => parseInput(checkinInputSchema, { progress: 12.5 })).toThrow("whole number");
    expect(() =>
      parseInput(checkinInputSchema, { progress: 5, actions: [{ actionId: "a", status: "finished" }] }),
    ).toThrow("A status is not_started, in_progress or done");
    expect(() => parseInput(checkinInputSchema, { progress: 5, note: "x".repeat(2001) })).toThrow(
      "Keep the note under 2000 characters",
    );
  });

  it("needs words in encouragement and reflection", () => {
    expect(parseInput(encouragementSchema, { text: "  Keep going!  " })).toEqual({ text: "Keep going!" });
    expect(() => parseInput(encouragementSchema, { text: "   " })).toThrow(
      "Write a few words of encouragement",
    );
    expect(() => parseInput(reflectionSchema, "")).toThrow("Write a short reflection");
    expect(parseInput(reflectionSchema, " Learned a lot ")).toBe("Learned a lot");
  });
});
