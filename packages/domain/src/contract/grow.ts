// The grow procedures' contract (ADR 0003): what plans, check-ins, partners and profile take and
// return, as the browser sees it (plain JSON: moments are ISO strings, days YYYY-MM-DD). Output
// objects are exact: zod strips any key not named here, so a column added later cannot leak.
import { z } from "zod";
import { dimensionKeySchema } from "../instrument";
import {
  actionStatusSchema,
  cadenceSchema,
  checkinInputSchema,
  encouragementSchema,
  partnerOptInSchema,
  partnerRoleSchema,
  partnershipStateSchema,
  planActionSchema,
  planEditSchema,
  planStateSchema,
  reflectionSchema,
} from "../plans";
import { roleSchema } from "../roles";
import { perceivedChangeOutput, planPulseOutput, pulseWindowOutput } from "./pulses";

/** A uuid, refused with the sentence its field writes out whole (the web translates it as it is). */
const id = (error: string) => z.uuid({ error });

// Inputs.

export const planIdInput = z.object({ planId: id("The plan must be an id") });
export const createPlanInput = z.object({ requestId: id("The report must be an id") });
export const updatePlanInput = planEditSchema.extend({ planId: id("The plan must be an id") });
export const closePlanInput = z.object({
  planId: id("The plan must be an id"),
  reflection: reflectionSchema,
});
export const suggestPartnersInput = z.object({
  planId: id("The plan must be an id"),
  role: partnerRoleSchema.optional(),
});
export const invitePartnerInput = z.object({
  planId: id("The plan must be an id"),
  personId: id("The person must be an id"),
  role: partnerRoleSchema,
});
export const partnershipIdInput = z.object({ partnershipId: id("The partnership must be an id") });
export const answerInvitationInput = z.object({
  partnershipId: id("The invitation must be an id"),
  accept: z.boolean(),
});
export const logCheckinInput = checkinInputSchema.extend({ planId: id("The plan must be an id") });
export const encourageInput = encouragementSchema.extend({ checkinId: id("The check-in must be an id") });
export const partnerOptInInput = partnerOptInSchema;

export type PlanIdInput = z.output<typeof planIdInput>;
export type CreatePlanInput = z.output<typeof createPlanInput>;
export type UpdatePlanInput = z.output<typeof updatePlanInput>;
export type ClosePlanInput = z.output<typeof closePlanInput>;
export type SuggestPartnersInput = z.output<typeof suggestPartnersInput>;
export type InvitePartnerInput = z.output<typeof invitePartnerInput>;
export type PartnershipIdInput = z.output<typeof partnershipIdInput>;
export type AnswerInvitationInput = z.output<typeof answerInvitationInput>;
export type LogCheckinInput = z.output<typeof logCheckinInput>;
export type EncourageInput = z.output<typeof encourageInput>;

// Pieces of the outputs.

const moment = z.iso.datetime();
const day = z.iso.date();
const personRef = z.object({ id: z.string(), name: z.string() });
const woopOutput = z.object({
  wish: z.string(),
  outcome: z.string(),
  obstacle: z.string(),
  plan: z.string(),
});
export const planRelationOutput = z.enum(["owner", "coach", "partner", "lead"]);

export const dueCheckinOutput = z.object({
  dueOn: day,
  status: z.enum(["done", "upcoming", "due", "overdue", "missed"]),
  checkedInOn: day.nullable(),
});

export const circleMemberOutput = z.object({
  partnershipId: z.string(),
  person: personRef,
  role: partnerRoleSchema,
  state: partnershipStateSchema,
  invitedAt: moment,
  respondedAt: moment.nullable(),
});

export const circleOutput = z.object({
  members: z.array(circleMemberOutput),
  partners: z.number(),
  leads: z.number(),
  /** Accepted or still to answer (declined not counted): what publishing needs. */
  asked: z.object({ partners: z.number(), leads: z.number() }),
  minPartners: z.number(),
  maxPartners: z.number(),
  ready: z.boolean(),
  canInvitePartner: z.boolean(),
  canInviteLead: z.boolean(),
});

/** `reason` in English; `code`, `others` and `self` say the same as data (domain/plans/explain.ts). */
const reasonOutput = z.object({
  dimension: dimensionKeySchema,
  reason: z.string(),
  code: z.enum(["no-figure", "blind-spot", "lowest", "chosen", "hidden", "base", "self-seen", "own-choice"]),
  others: z.number().nullable(),
  self: z.number().nullable(),
});
export const planReasonsOutput = z.object({ focus: z.array(reasonOutput), strength: reasonOutput });

// Outputs, one per procedure.

export const createPlanOutput = z.object({
  id: z.string(),
  focus: z.array(dimensionKeySchema),
  strength: dimensionKeySchema,
  actions: z.array(planActionSchema),
  woop: woopOutput,
});

/** A plan as its owner, coach, partners or lead see it (`requestId` and `reasons` for the first two only). */
export const planViewOutput = z.object({
  id: z.string(),
  state: planStateSchema,
  relation: planRelationOutput,
  subject: personRef,
  requestId: z.string().nullable(),
  reasons: planReasonsOutput.nullable(),
  focus: z.array(dimensionKeySchema),
  strength: dimensionKeySchema,
  actions: z.array(planActionSchema),
  woop: woopOutput,
  cadence: cadenceSchema,
  startsOn: day,
  endsOn: day,
  progress: z.number(),
  reflection: z.string().nullable(),
  createdAt: moment,
  publishedAt: moment.nullable(),
  closedAt: moment.nullable(),
  circle: circleOutput,
  schedule: z.array(dueCheckinOutput),
  nextCheckin: dueCheckinOutput.nullable(),
  lastCheckinAt: moment.nullable(),
  myPartnership: z
    .object({ id: z.string(), role: partnerRoleSchema, state: partnershipStateSchema })
    .nullable(),
  /** The latest released pulse's figures (issue 19): the owner and the coach only, else null. */
  perceivedChange: perceivedChangeOutput.nullable(),
  /** The plan's latest pulse, and when one may open: the owner and the coach only, else null. */
  pulse: planPulseOutput.nullable(),
  pulseWindow: pulseWindowOutput.nullable(),
});
export type PlanViewOutput = z.output<typeof planViewOutput>;

export const publishPlanOutput = z.object({ state: planStateSchema, startsOn: day, publishedAt: moment });
export const closePlanOutput = z.object({ state: planStateSchema, closedAt: moment });

export const planSummaryOutput = z.object({
  id: z.string(),
  requestId: z.string(),
  relation: z.enum(["owner", "coach"]),
  subject: personRef,
  state: planStateSchema,
  focus: z.array(dimensionKeySchema),
  strength: dimensionKeySchema,
  progress: z.number(),
  startsOn: day,
  endsOn: day,
  createdAt: moment,
  publishedAt: moment.nullable(),
  closedAt: moment.nullable(),
  circle: z.object({ partners: z.number(), leads: z.number(), ready: z.boolean() }),
  nextCheckin: dueCheckinOutput.nullable(),
  lastCheckinAt: moment.nullable(),
});
export const listPlansOutput = z.array(planSummaryOutput);

export const partnerSuggestionsOutput = z.array(
  z.object({
    personId: z.string(),
    name: z.string(),
    strong: z.array(dimensionKeySchema),
    offered: z.array(dimensionKeySchema),
    reason: z.string(),
  }),
);
export const invitePartnerOutput = z.object({ partnershipId: z.string() });
export const removePartnerOutput = z.object({ removed: z.literal(true) });

export const checkinIdOutput = z.object({ id: z.string() });
export const checkinOutput = z.object({
  id: z.string(),
  progress: z.number(),
  note: z.string(),
  createdAt: moment,
  actions: z.array(
    z.object({
      actionId: z.string(),
      status: actionStatusSchema,
      text: z.string().nullable(),
      dimension: dimensionKeySchema.nullable(),
    }),
  ),
  encouragements: z.array(
    z.object({ id: z.string(), author: personRef, text: z.string(), createdAt: moment }),
  ),
});
export const listCheckinsOutput = z.array(checkinOutput);

export const answerInvitationOutput = z.object({ state: z.enum(["accepted", "declined"]) });
export const leaveCircleOutput = z.object({ left: z.literal(true) });

export const supportedPlanOutput = z.object({
  partnershipId: z.string(),
  role: partnerRoleSchema,
  state: partnershipStateSchema,
  invitedAt: moment,
  respondedAt: moment.nullable(),
  plan: z.object({
    id: z.string(),
    state: planStateSchema,
    subject: personRef,
    focus: z.array(dimensionKeySchema),
    strength: dimensionKeySchema,
    wish: z.string(),
    progress: z.number(),
    cadence: cadenceSchema,
    startsOn: day,
    endsOn: day,
    lastCheckinAt: moment.nullable(),
    nextCheckin: dueCheckinOutput.nullable(),
  }),
});
export const listSupportedPlansOutput = z.array(supportedPlanOutput);

const partnerOptInOutput = z.object({ optIn: z.boolean(), dimensions: z.array(dimensionKeySchema) });
export const profileOutput = z.object({
  person: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  org: z.object({ id: z.string(), name: z.string() }),
  roles: z.array(roleSchema),
  partnerOptIn: partnerOptInOutput,
});
export const setPartnerOptInOutput = partnerOptInOutput;
