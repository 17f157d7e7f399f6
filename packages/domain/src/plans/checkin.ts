// A check-in: the subject's progress figure, a status per chosen action and a note; partners
// answer it with encouragement. Closing the plan asks for a reflection.
import { z } from "zod";
import { InvalidInputError } from "../errors";
import { type ActionStatus, actionStatusSchema, PLAN_LIMITS, type PlanAction } from "./plan-content";
import { assertPlanRunning, type PlanState } from "./plan-state";

export const CHECKIN_LIMITS = { note: 2000, encouragement: 1000, reflection: 4000 } as const;

export const checkinInputSchema = z.object({
  progress: z
    .number({ error: "Progress is a number from 0 to 100" })
    .int({ error: "Progress is a whole number from 0 to 100" })
    .min(0, { error: "Progress is a number from 0 to 100" })
    .max(100, { error: "Progress is a number from 0 to 100" }),
  note: z
    .string()
    .trim()
    .max(CHECKIN_LIMITS.note, { error: `Keep the note under ${CHECKIN_LIMITS.note} characters` })
    .default(""),
  actions: z
    .array(z.object({ actionId: z.string().min(1).max(80), status: actionStatusSchema }))
    .max(PLAN_LIMITS.maxActions)
    .default([]),
});
export type CheckinInput = z.output<typeof checkinInputSchema>;

export const encouragementSchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, { error: "Write a few words of encouragement" })
    .max(CHECKIN_LIMITS.encouragement, {
      error: `Keep it under ${CHECKIN_LIMITS.encouragement} characters`,
    }),
});

export const reflectionSchema = z
  .string()
  .trim()
  .min(1, { error: "Write a short reflection: what changed, what you learned" })
  .max(CHECKIN_LIMITS.reflection, { error: `Keep it under ${CHECKIN_LIMITS.reflection} characters` });

export interface CheckinRecord {
  progress: number;
  note: string;
  /** The status of every chosen action after this check-in, in plan order. */
  actions: Array<{ actionId: string; status: ActionStatus }>;
  /** The plan's actions with the new statuses. */
  planActions: PlanAction[];
}

/**
 * Validates a check-in against the plan. Actions not mentioned keep their status; the record keeps
 * the status of every chosen action, so each check-in reads as a whole picture on its own.
 */
export function applyCheckin(
  plan: { state: PlanState; actions: readonly PlanAction[] },
  input: CheckinInput,
): CheckinRecord {
  assertPlanRunning(plan.state);
  const picked = new Map(plan.actions.filter((action) => action.picked).map((action) => [action.id, action]));
  const updates = new Map<string, ActionStatus>();
  input.actions.forEach((entry, index) => {
    if (!picked.has(entry.actionId)) {
      throw new InvalidInputError("A check-in covers the plan's chosen actions only", {
        [`actions.${index}.actionId`]: "Not one of the plan's chosen actions",
      });
    }
    if (updates.has(entry.actionId)) {
      throw new InvalidInputError("An action is listed twice in the check-in", {
        [`actions.${index}.actionId`]: "Listed twice",
      });
    }
    updates.set(entry.actionId, entry.status);
  });
  const planActions = plan.actions.map((action) => ({
    ...action,
    status: updates.get(action.id) ?? action.status,
  }));
  return {
    progress: input.progress,
    note: input.note,
    actions: planActions
      .filter((action) => action.picked)
      .map((action) => ({ actionId: action.id, status: action.status })),
    planActions,
  };
}
