// The contract of collecting feedback (requests, nominations, answering, the inbox, the
// questionnaire): what each procedure takes and what it returns. Output objects are exact (zod
// strips unknown keys), so a column added later never reaches a client by accident. Dates travel
// as ISO strings: every procedure here formats them itself.
import { z } from "zod";
import { figureGroupIdSchema } from "../anonymity/snapshot-schema";
import { languageSchema } from "../i18n/languages";
import {
  ANONYMOUS_GROUPS,
  instrumentDimensionSchema,
  instrumentItemSchema,
  instrumentSchema,
  raterGroupSchema,
} from "../instrument";
import { requestStateSchema } from "../lifecycle";

/** A uuid, refused with the sentence its field writes out whole (the web translates it as it is). */
const id = (error: string) => z.uuid({ error });

// ---- Inputs

/** An ISO date-time with offset, or a day (then the end of that day, UTC). */
export const deadlineSchema = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: "Give the deadline as a date (2026-12-31) or an ISO date-time",
  })
  .transform((value) => new Date(value.length === 10 ? `${value}T23:59:59.999Z` : value));

/**
 * An external rater's address as people paste it: spaces and a trailing comma or semicolon (from a
 * list) are dropped; what is still not an address is refused by name, so the person knows which.
 */
export const externalEmailSchema = z
  .string()
  .transform((raw) => raw.trim().replace(/[\s,;]+$/, ""))
  .pipe(
    z
      .string()
      .max(320, { error: "That is not an e-mail address: it is longer than any address can be" })
      .pipe(z.email({ error: (issue) => `“${String(issue.input)}” is not an e-mail address` })),
  );

export const raterInputSchema = z
  .object({
    personId: id("The rater must be an id").optional(),
    email: externalEmailSchema.optional(),
    group: raterGroupSchema,
  })
  .refine((r) => Boolean(r.personId) !== Boolean(r.email), {
    error: "Give each rater either a personId (a colleague) or an email (an external rater)",
  });

/** Strict: a key it does not know (a `cycleId` included) is refused, never silently dropped. */
export const createRequestInput = z.strictObject({
  subjectId: id("The subject must be an id"),
  deadline: deadlineSchema,
  raters: z
    .array(raterInputSchema)
    .max(60, { error: "That is more raters than a request can take" })
    .default([]),
  open: z.boolean().optional(),
});
export type CreateRequestInput = z.output<typeof createRequestInput>;

export const feedbackRequestIdInput = z.object({ requestId: id("The request must be an id") });
export const approveExternalInput = z.object({
  requestId: id("The request must be an id"),
  email: z
    .string()
    .trim()
    .max(320, { error: "That is not an e-mail address" })
    .pipe(z.email({ error: "Give the external rater's e-mail address" })),
});
/** The requester moves an open request's deadline later (a day means the end of that day, UTC). */
export const extendRequestInput = z.object({
  requestId: id("The request must be an id"),
  deadline: deadlineSchema,
});
export const extendRequestOutput = z.object({ deadline: z.string() });
/** Only when: never who was reminded, nor how many. */
export const remindRequestOutput = z.object({ remindedAt: z.string() });
export const invitationIdInput = z.object({ invitationId: id("The invitation must be an id") });
// Any string up to a sane length: a truncated or mistyped link is simply not found.
export const invitationTokenInput = z.object({ token: z.string().max(200, "This link is not valid") });

export const proposeNominationInput = z.object({
  requestId: id("The request must be an id"),
  personId: id("The rater must be an id"),
  group: raterGroupSchema,
});
export const decideNominationInput = z.object({
  nominationId: id("The nomination must be an id"),
  approve: z.boolean(),
});

/** Answers arrive loosely typed; the domain's answer-set schema gives the person-readable errors. */
export const answersPayload = z.object({
  answers: z.array(z.unknown()).default([]),
  comments: z.array(z.unknown()).optional(),
});
/**
 * A key the client chooses per form (a UUID, say) and sends again when it retries the same submit,
 * so a retry after a lost answer is told it succeeded rather than "already submitted".
 */
export const idempotencyKeySchema = z
  .string()
  .min(16, "The idempotency key must have 16 to 128 characters")
  .max(128, "The idempotency key must have 16 to 128 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "The idempotency key may hold letters, digits, - and _ only");
export const submitPayload = answersPayload.extend({ idempotencyKey: idempotencyKeySchema.optional() });
export const submitByIdInput = invitationIdInput.extend(submitPayload.shape);
export const submitByTokenInput = invitationTokenInput.extend(submitPayload.shape);

export const instrumentInput = z
  .object({
    version: z
      .number({ error: "The instrument version must be a number" })
      .int({ error: "The instrument version must be a whole number" })
      .positive({ error: "The instrument version starts at 1" })
      .max(1_000_000, { error: "No organisation has that many instrument versions" })
      .optional(),
  })
  .optional();

// ---- Outputs

const named = z.object({ id: z.string(), name: z.string() });

export const raterWarningSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("external_not_counted"),
    email: z.string(),
    reason: z.enum(["not_vouched_for", "group_not_counted"]),
    domain: z.string(),
    detail: z.string(),
  }),
  z.object({
    kind: z.literal("close_to_earlier_report"),
    groups: z.array(z.enum(ANONYMOUS_GROUPS)),
    threshold: z.number(),
    releasedOn: z.string(),
    detail: z.string(),
  }),
]);

/** A line of progress: counts per group (anonymous groups pooled), never names (rule 8). */
export const progressLineSchema = z.object({
  group: figureGroupIdSchema,
  label: z.string(),
  invited: z.number().int(),
  submitted: z.number().int().nullable(),
  declined: z.number().int().nullable(),
  pooledFrom: z.array(z.enum(ANONYMOUS_GROUPS)).optional(),
  counted: z.literal(false).optional(),
});

export const createRequestOutput = z.object({ id: z.string(), warnings: z.array(raterWarningSchema) });
export const openRequestOutput = z.object({
  state: z.literal("open"),
  warnings: z.array(raterWarningSchema),
});
/** `closed`: a request of a cycle waits, sealed, for the cycle's release. */
export const closeRequestOutput = z.object({ state: z.enum(["released", "insufficient", "closed"]) });
export const cancelRequestOutput = z.object({ state: z.literal("cancelled") });
export const approveExternalOutput = z.object({
  approved: z.literal(true),
  warnings: z.array(raterWarningSchema),
});

const viewerRole = z.enum(["manager", "subject"]);

export const requestDetailOutput = z.object({
  id: z.string(),
  subject: named,
  requester: named,
  state: requestStateSchema,
  deadline: z.string(),
  threshold: z.number().int(),
  insufficientReason: z.enum(["too_few_raters", "too_close_to_earlier"]).nullable(),
  instrumentVersion: z.number().int(),
  /** The cycle the request belongs to; null for a one-off request. */
  cycleId: z.string().nullable(),
  role: viewerRole,
  nominations: z.array(
    z.object({
      id: z.string(),
      person: named.nullable(),
      email: z.string().nullable(),
      group: raterGroupSchema,
      approved: z.boolean().nullable(),
      /** For an external: whether an admin who does not read the report vouched for them (rule 9). */
      vouchedFor: z.boolean().nullable(),
      proposedBy: named,
    }),
  ),
});

export const requestListOutput = z.array(
  z.object({
    id: z.string(),
    subject: named,
    state: requestStateSchema,
    deadline: z.string(),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
    /** The cycle the request belongs to; null for a one-off request. */
    cycleId: z.string().nullable(),
    role: viewerRole,
    /** Progress and pending nominations, only for the requests the caller manages. */
    groups: z.array(progressLineSchema).nullable(),
    pendingNominations: z.number().int().nullable(),
  }),
);

export const requestProgressOutput = z.object({
  state: requestStateSchema,
  groups: z.array(progressLineSchema),
});

export const proposeNominationOutput = z.object({ nominationId: z.string() });
/**
 * The requester (or the subject's manager, or an admin) adds a rater (issue 18). Before opening any
 * group; once open only the manager group, which is identifiable by nature (DESIGN §4 rule 8).
 */
export const addRaterInput = z.object({
  requestId: id("The request must be an id"),
  personId: id("The rater must be an id"),
  group: raterGroupSchema.exclude(["self"], { error: "Choose the group they rate in." }),
});
export const addRaterOutput = z.object({ nominationId: z.string(), invited: z.boolean() });
export type AddRaterInput = z.output<typeof addRaterInput>;
export const decideNominationOutput = z.object({ approved: z.boolean() });

/** How an invitation stands for the rater (`draft` rows from before local drafts read as pending). */
export const answeringStateSchema = z.enum(["pending", "submitted", "declined"]);

/** A behaviour as a rater reads it: its key, English text, and its wording in every language. */
const formItemSchema = instrumentItemSchema.extend({ texts: z.object({ en: z.string(), de: z.string() }) });
/** The questionnaire of a form: the instrument, each behaviour with its wording per language. */
export const formInstrumentSchema = instrumentSchema.extend({
  dimensions: z.array(instrumentDimensionSchema.extend({ items: z.array(formItemSchema) })),
});

export const answerFormOutput = z.object({
  invitationId: z.string(),
  requestId: z.string(),
  organisation: z.string(),
  subject: named,
  group: raterGroupSchema,
  identifiable: z.boolean(),
  promise: z.string(),
  /** The anonymity threshold the promise names, and whether this rater's answers count (rule 9). */
  threshold: z.number().int(),
  counts: z.boolean(),
  deadline: z.string(),
  requestState: requestStateSchema,
  state: answeringStateSchema,
  instrumentVersion: z.number().int(),
  /** The questionnaire the request froze when it opened (issue 19): what this rater answers. */
  instrument: formInstrumentSchema,
  /**
   * The language the invitee reads (their choice, else the organisation's), for a page opened
   * without signing in. Only ever sent to the rater: no answer records it (DESIGN §4).
   */
  language: languageSchema,
});
export const submitResponseOutput = z.object({ submitted: z.literal(true) });
export const declineInvitationOutput = z.object({ declined: z.literal(true) });

export const inboxOutput = z.array(
  z.object({
    invitationId: z.string(),
    requestId: z.string(),
    subject: named,
    group: raterGroupSchema,
    deadline: z.string(),
    state: answeringStateSchema,
  }),
);
