// The coaching plan's life: a draft the subject shapes, active once it is published with a ready
// support circle, closed with a reflection. Closed is final: a finished plan is a record.
import { z } from "zod";
import { PreconditionFailedError } from "../errors";

export const PLAN_STATES = ["draft", "active", "closed"] as const;
export type PlanState = (typeof PLAN_STATES)[number];
export const planStateSchema = z.enum(PLAN_STATES);

export type PlanEvent = "publish" | "close";

const NEXT: Readonly<Record<PlanState, Partial<Record<PlanEvent, PlanState>>>> = {
  // A draft may be closed too, so a plan that never found its circle does not linger forever.
  draft: { publish: "active", close: "closed" },
  active: { close: "closed" },
  closed: {},
};

export function planTransition(state: PlanState, event: PlanEvent): PlanState {
  const next = NEXT[state][event];
  if (next) return next;
  if (state === "closed") throw new PreconditionFailedError("This plan is closed");
  throw new PreconditionFailedError("This plan is already published");
}

/** The owner edits a plan while it is a draft or active; a closed plan stays as it was. */
export function assertPlanEditable(state: PlanState): void {
  if (state === "closed") throw new PreconditionFailedError("This plan is closed and can no longer change");
}

/** Check-ins belong to a published, running plan. */
export function assertPlanRunning(state: PlanState): void {
  if (state === "draft") {
    throw new PreconditionFailedError("Publish the plan before logging check-ins");
  }
  if (state === "closed") throw new PreconditionFailedError("This plan is closed");
}
