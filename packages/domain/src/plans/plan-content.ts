// What a coaching plan says, and the rules for editing it: focus and strength, the actions the
// subject picked (from the generator or their own), the WOOP goal, the cadence and the dates.
import { z } from "zod";
import { addDays } from "../dates";
import { InvalidInputError, PreconditionFailedError } from "../errors";
import { forPeople } from "../i18n/for-people";
import { type DimensionKey, dimensionKeySchema, findDimension, getInstrument } from "../instrument";
import { type CoachingPlanDraft, findAction } from "./generate";
import { type Cadence, cadenceSchema, checkinSchedule } from "./schedule";

export const ACTION_STATUSES = ["not_started", "in_progress", "done"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const actionStatusSchema = z.enum(ACTION_STATUSES, {
  error: "A status is not_started, in_progress or done",
});

export const PLAN_LIMITS = {
  maxFocus: 3,
  maxActions: 15,
  actionText: 500,
  woopText: 1000,
  /** A new plan runs for twelve weeks unless the subject says otherwise. */
  defaultWeeks: 12,
} as const;

/**
 * An action of a coaching plan, as stored and as shown: the one declaration (the generator's
 * suggestions are its first three fields; packages/db's column type mirrors it, see there).
 */
export const planActionSchema = z.object({
  id: z.string(),
  dimension: dimensionKeySchema,
  text: z.string(),
  /** Chosen by the subject (suggestions not picked stay visible but unticked). */
  picked: z.boolean(),
  status: actionStatusSchema,
});
export type PlanAction = z.output<typeof planActionSchema>;
/** The former name of `PlanAction`, kept for existing importers. */
export type PlanActionState = PlanAction;

export interface WoopGoal {
  wish: string;
  outcome: string;
  obstacle: string;
  plan: string;
}

export interface PlanContent {
  focus: DimensionKey[];
  strength: DimensionKey;
  actions: PlanAction[];
  woop: WoopGoal;
  cadence: Cadence;
  /** Calendar days, YYYY-MM-DD. */
  startsOn: string;
  endsOn: string;
}

const isoDaySchema = z.iso.date({ error: "Give a day as YYYY-MM-DD" });
const woopText = z
  .string()
  .trim()
  .max(PLAN_LIMITS.woopText, { error: `Keep it under ${PLAN_LIMITS.woopText} characters` });

export const woopSchema = z.object({ wish: woopText, outcome: woopText, obstacle: woopText, plan: woopText });

export const planActionEditSchema = z.object({
  /** Absent for an action the subject adds in their own words. */
  id: z.string().min(1).max(80).optional(),
  dimension: dimensionKeySchema,
  text: z
    .string()
    .trim()
    .min(3, { error: "Describe the action in a few words" })
    .max(PLAN_LIMITS.actionText, { error: `Keep an action under ${PLAN_LIMITS.actionText} characters` }),
  picked: z.boolean(),
  status: actionStatusSchema.optional(),
});

/** Every part optional: an edit changes what it names and leaves the rest. */
export const planEditSchema = z.object({
  focus: z
    .array(dimensionKeySchema)
    .min(1, { error: "Choose at least one dimension to focus on" })
    .max(PLAN_LIMITS.maxFocus, { error: `Focus on at most ${PLAN_LIMITS.maxFocus} dimensions` })
    .optional(),
  strength: dimensionKeySchema.optional(),
  actions: z
    .array(planActionEditSchema)
    .max(PLAN_LIMITS.maxActions, { error: `A plan holds at most ${PLAN_LIMITS.maxActions} actions` })
    .optional(),
  woop: woopSchema.partial().optional(),
  cadence: cadenceSchema.optional(),
  startsOn: isoDaySchema.optional(),
  endsOn: isoDaySchema.optional(),
});
export type PlanEdit = z.output<typeof planEditSchema>;

/**
 * A new plan from the generator's proposal: the first (best-matched) action of each focus
 * dimension is ticked, the others stay as suggestions; fortnightly for twelve weeks from today.
 */
export function newPlanContent(draft: CoachingPlanDraft, today: string): PlanContent {
  const ticked = new Set<DimensionKey>();
  const actions = draft.actions.map((action) => {
    const picked = !ticked.has(action.dimension);
    ticked.add(action.dimension);
    return { ...action, picked, status: "not_started" as const };
  });
  return {
    focus: [...draft.focus],
    strength: draft.strength,
    actions,
    woop: { ...draft.woop },
    cadence: "fortnightly",
    startsOn: today,
    endsOn: addDays(today, PLAN_LIMITS.defaultWeeks * 7),
  };
}

function customNumber(id: string): number {
  const match = /^custom-(\d+)$/.exec(id);
  return match ? Number(match[1]) : 0;
}

function mergeActions(current: readonly PlanAction[], edits: PlanEdit["actions"] & {}): PlanAction[] {
  const known = new Map(current.map((action) => [action.id, action]));
  let nextCustom =
    Math.max(
      0,
      ...current.map((action) => customNumber(action.id)),
      ...edits.map((e) => customNumber(e.id ?? "")),
    ) + 1;
  const seen = new Set<string>();
  return edits.map((edit, index) => {
    let id = edit.id;
    if (id === undefined) {
      id = `custom-${nextCustom}`;
      nextCustom += 1;
    } else if (!known.has(id) && !findAction(id) && customNumber(id) === 0) {
      throw new InvalidInputError("An action is neither in the plan nor in the catalogue", {
        [`actions.${index}.id`]: "Leave the id out for an action in your own words",
      });
    }
    if (seen.has(id)) {
      throw new InvalidInputError("The same action is listed twice", {
        [`actions.${index}.id`]: "Listed twice",
      });
    }
    seen.add(id);
    const catalogued = findAction(id);
    if (catalogued && catalogued.dimension !== edit.dimension) {
      throw new InvalidInputError("A suggested action keeps its dimension", {
        [`actions.${index}.dimension`]: `This action belongs to ${findDimension(getInstrument(), catalogued.dimension).name}`,
      });
    }
    return {
      id,
      dimension: edit.dimension,
      text: edit.text,
      picked: edit.picked,
      status: edit.status ?? known.get(id)?.status ?? "not_started",
    };
  });
}

/**
 * Applies an edit to a plan the owner may still change. `published` fixes the start date: the
 * check-in schedule counts from it, and partners have already seen it.
 */
export function applyPlanEdit(
  current: PlanContent,
  edit: PlanEdit,
  options: { published: boolean },
): PlanContent {
  const focus = edit.focus ?? current.focus;
  if (new Set(focus).size !== focus.length) {
    throw new InvalidInputError("A dimension is in the focus twice", { focus: "Choose each dimension once" });
  }
  const strength = edit.strength ?? current.strength;
  if (focus.includes(strength)) {
    throw new InvalidInputError("The strength to build on is one you are not focusing on", {
      strength: "Pick a strength outside your focus",
    });
  }
  if (options.published && edit.startsOn !== undefined && edit.startsOn !== current.startsOn) {
    throw new InvalidInputError("The start date is fixed once the plan is published", {
      startsOn: "Published plans keep their start date",
    });
  }
  const next: PlanContent = {
    focus,
    strength,
    actions: edit.actions ? mergeActions(current.actions, edit.actions) : current.actions,
    woop: { ...current.woop, ...edit.woop },
    cadence: edit.cadence ?? current.cadence,
    startsOn: edit.startsOn ?? current.startsOn,
    endsOn: edit.endsOn ?? current.endsOn,
  };
  const schedule = checkinSchedule({ start: next.startsOn, end: next.endsOn, cadence: next.cadence });
  if (schedule.length === 0) {
    throw new InvalidInputError("The plan ends before its first check-in", {
      endsOn: "Choose a later end date or a shorter cadence",
    });
  }
  return next;
}

/**
 * The content a plan is published with: a start date already past moves to today, so the first
 * check-in is not overdue the moment partners see the plan. A start in the future stays.
 */
export function publishedContent(content: PlanContent, today: string): PlanContent {
  return content.startsOn < today ? { ...content, startsOn: today } : content;
}

/** The WOOP goal's parts as the refusal below names them (phrases for people). */
const WOOP_WORDS: Readonly<Record<keyof WoopGoal, string>> = {
  wish: forPeople("wish"),
  outcome: forPeople("outcome"),
  obstacle: forPeople("obstacle"),
  plan: forPeople("plan"),
};

/** What publishing needs besides a ready circle: something to do, a whole WOOP goal, a schedule. */
export function checkPlanPublishable(content: PlanContent): void {
  const problems: string[] = [];
  if (!content.actions.some((action) => action.picked)) problems.push(forPeople("tick at least one action"));
  const missing = (Object.keys(content.woop) as (keyof WoopGoal)[]).filter(
    (part) => content.woop[part].trim() === "",
  );
  if (missing.length > 0) {
    problems.push(forPeople(`fill in the WOOP goal (${missing.map((part) => WOOP_WORDS[part]).join(", ")})`));
  }
  if (
    checkinSchedule({ start: content.startsOn, end: content.endsOn, cadence: content.cadence }).length === 0
  ) {
    problems.push(forPeople("let the plan run for at least one check-in"));
  }
  if (problems.length > 0) {
    throw new PreconditionFailedError(`The plan is not ready to publish: ${problems.join("; ")}.`);
  }
}
