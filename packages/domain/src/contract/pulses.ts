// The pulses procedures' contract (issue 19): scheduling the perceived-change pulse on a plan, the
// rater's form and answer (in the app or through the one-time link), and what plans.get shows of it.
// Exact objects: unknown keys are stripped.
import { z } from "zod";
import { languageSchema } from "../i18n/languages";
import { PULSE_SCALE, pulseAnswersSchema, pulseSuggestionSchema } from "../pulse";
import { figures } from "./figures";

/** A uuid, refused with the sentence its field writes out whole (the web translates it as it is). */
const id = (error: string) => z.uuid({ error });
const day = z.iso.date({ error: "The day must be a calendar day (YYYY-MM-DD)" });
const token = z
  .string({ error: "The link's token must be text" })
  .min(10, { error: "That link is not valid" })
  .max(200, { error: "That link is not valid" });

export const schedulePulseInput = z.object({ planId: id("The plan must be an id"), on: day });
export const schedulePulseOutput = z.object({ requestId: z.string() });

export const pulseIdInput = z.object({ requestId: id("The pulse must be an id") });
export const pulseTokenInput = z.object({ token });

const answerFields = {
  answers: pulseAnswersSchema,
  suggestion: pulseSuggestionSchema.optional(),
};
export const answerPulseInput = z.object({ requestId: id("The pulse must be an id"), ...answerFields });
export const answerPulseByTokenInput = z.object({ token, ...answerFields });
export const answerPulseOutput = z.object({ submitted: z.literal(true) });

export const pulseFormOutput = z.object({
  requestId: z.string(),
  subjectName: z.string(),
  /** The day the plan was published: "Since <date>, …". */
  since: day,
  closesOn: day,
  threshold: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      dimension: z.string(),
      text: z.string(),
      /** The behaviour's wording per language; answers keep the item's key. */
      texts: z.object({ en: z.string(), de: z.string() }),
      question: z.string(),
    }),
  ),
  scale: z.object({
    min: z.literal(PULSE_SCALE.min),
    max: z.literal(PULSE_SCALE.max),
    labels: z.array(z.string()),
    notObservedLabel: z.string(),
  }),
  answered: z.boolean(),
  /** The language the invitee reads (their choice, else the organisation's); no answer records it. */
  language: languageSchema,
});

export const myPulsesOutput = z.array(
  z.object({ requestId: z.string(), subjectName: z.string(), closesOn: day, answered: z.boolean() }),
);

/** Figures of a released pulse (marked: every procedure returning them asks the access policy). */
export const perceivedChangeOutput = figures(
  z.array(
    z.union([
      z.object({ itemId: z.string(), mean: z.number(), n: z.number().int() }),
      z.object({ itemId: z.string(), hidden: z.literal(true) }),
    ]),
  ),
);

/** The plan's pulse as its owner and coach see it: its state and dates, never who answered. */
export const planPulseOutput = z.object({
  requestId: z.string(),
  state: z.enum(["scheduled", "open", "released", "insufficient", "cancelled"]),
  opensOn: day,
  closesOn: day.nullable(),
  /** Raters asked (fixed when it opens), never how many or who answered before release. */
  invited: z.number().int().nullable(),
  suggestions: z.array(z.string()),
});

/** Scheduling facts for the owner's date picker. */
export const pulseWindowOutput = z.object({ from: day, to: day, proposed: day });

export type SchedulePulseInput = z.output<typeof schedulePulseInput>;
export type AnswerPulseInput = z.output<typeof answerPulseInput>;
export type AnswerPulseByTokenInput = z.output<typeof answerPulseByTokenInput>;
export type PulseFormOutput = z.output<typeof pulseFormOutput>;
export type PerceivedChangeOutput = z.output<typeof perceivedChangeOutput>;
export type PlanPulseOutput = z.output<typeof planPulseOutput>;

export const teamPulsesInput = z.object({ teamId: id("The team must be an id") });
/** The coach's dashboard: each coachee's latest released pulse, per behaviour (figures k-safe at release). */
export const teamPulsesOutput = z.array(
  z.object({
    subject: z.object({ id: z.string(), name: z.string() }),
    releasedOn: day,
    items: z.array(z.object({ itemId: z.string(), text: z.string() })),
    perceivedChange: perceivedChangeOutput,
  }),
);
export type TeamPulsesOutput = z.output<typeof teamPulsesOutput>;
