// The perceived-change pulse (issue 19, after Goldsmith and Morgan): a few weeks into a plan, the
// raters of the report it grew from say whether the person has become more or less effective at
// each focus behaviour, on a scale from −3 (much less) to +3 (much more), with one optional idea.
import { z } from "zod";
import { addDays, daysBetween, type IsoDay, isIsoDay, isoDay } from "../dates";
import { InvalidInputError, PreconditionFailedError } from "../errors";

export const PULSE_SCALE = {
  min: -3,
  max: 3,
  labels: [
    "Much less effective",
    "Less effective",
    "Slightly less effective",
    "No change",
    "Slightly more effective",
    "More effective",
    "Much more effective",
  ],
  notObservedLabel: "Cannot say",
} as const;

export type PulseScore = -3 | -2 | -1 | 0 | 1 | 2 | 3;

/** When a pulse may open: 6 to 12 weeks after the plan was published; 8 weeks unless chosen. */
export const PULSE_WINDOW = { minDays: 42, maxDays: 84, defaultDays: 56 } as const;
/** How long the raters have to answer once it opens. */
export const PULSE_ANSWER_DAYS = 14;
export const PULSE_SUGGESTION_MAX = 1000;

export const pulseScoreSchema = z
  .number({ error: "Each answer must be a whole number from -3 to +3, or empty for “cannot say”" })
  .int({ error: "Each answer must be a whole number from -3 to +3" })
  .min(PULSE_SCALE.min, { error: "Each answer must be at least -3" })
  .max(PULSE_SCALE.max, { error: "Each answer must be at most +3" });

export const pulseAnswersSchema = z.record(
  z.string().max(64, { error: "An item id is at most 64 characters" }),
  pulseScoreSchema.nullable(),
  { error: "The answers must map each behaviour to a score" },
);

export const pulseSuggestionSchema = z
  .string({ error: "The suggestion must be text" })
  .trim()
  .max(PULSE_SUGGESTION_MAX, { error: `The suggestion is at most ${PULSE_SUGGESTION_MAX} characters` });

/** The question for one behaviour, in the words the rater reads. */
export function pulseQuestion(input: { since: string; name: string; behaviour: string }): string {
  const behaviour = input.behaviour.charAt(0).toLowerCase() + input.behaviour.slice(1);
  return `Since ${input.since}, has ${input.name} become more or less effective at this: ${behaviour}?`;
}

/** The day the date picker proposes: eight weeks after publishing. */
export function defaultPulseDay(publishedAt: Date): IsoDay {
  return addDays(isoDay(publishedAt), PULSE_WINDOW.defaultDays);
}

/** The first and last day a pulse on a plan published then may open. */
export function pulseWindow(publishedAt: Date): { from: IsoDay; to: IsoDay } {
  const day = isoDay(publishedAt);
  return { from: addDays(day, PULSE_WINDOW.minDays), to: addDays(day, PULSE_WINDOW.maxDays) };
}

/** Refuses a day outside 6–12 weeks after publishing, or already past, in a sentence. */
export function checkPulseDay(input: { publishedAt: Date; on: string; today: IsoDay }): IsoDay {
  if (!isIsoDay(input.on)) {
    throw new InvalidInputError("The pulse's date must be a calendar day (YYYY-MM-DD).", {
      on: "Pick a day",
    });
  }
  const { from, to } = pulseWindow(input.publishedAt);
  const after = daysBetween(isoDay(input.publishedAt), input.on);
  if (after < PULSE_WINDOW.minDays || after > PULSE_WINDOW.maxDays) {
    throw new PreconditionFailedError(
      `The pulse opens 6 to 12 weeks after the plan was published: pick a day from ${from} to ${to}.`,
    );
  }
  if (input.on < input.today) {
    throw new PreconditionFailedError("The pulse cannot open on a day that has passed: pick a later day.");
  }
  return input.on;
}
