// Input schemas of the collect procedures (transport-neutral: the web reuses them through types).
import { raterGroupSchema } from "@fivefold/domain";
import { z } from "zod";

const id = (what: string) => z.uuid({ error: `${what} must be an id` });

/** An ISO date-time with offset, or a day (then the end of that day, UTC). */
export const deadlineSchema = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: "Give the deadline as a date (2026-12-31) or an ISO date-time",
  })
  .transform((value) => new Date(value.length === 10 ? `${value}T23:59:59.999Z` : value));

export const raterInputSchema = z
  .object({
    personId: id("The rater").optional(),
    email: z.email({ error: "Give the external rater's e-mail address" }).optional(),
    group: raterGroupSchema,
  })
  .refine((r) => Boolean(r.personId) !== Boolean(r.email), {
    error: "Give each rater either a personId (a colleague) or an email (an external rater)",
  });

export const createRequestInput = z.object({
  subjectId: id("The subject"),
  deadline: deadlineSchema,
  raters: z
    .array(raterInputSchema)
    .max(60, { error: "That is more raters than a request can take" })
    .default([]),
  open: z.boolean().optional(),
});

export const requestIdInput = z.object({ requestId: id("The request") });
export const approveExternalInput = z.object({
  requestId: id("The request"),
  email: z
    .string()
    .trim()
    .max(320, { error: "That is not an e-mail address" })
    .pipe(z.email({ error: "Give the external rater's e-mail address" })),
});
export const invitationIdInput = z.object({ invitationId: id("The invitation") });
// Any string up to a sane length: a truncated or mistyped link is simply not found.
export const tokenInput = z.object({ token: z.string().max(200, "This link is not valid") });

export const proposeInput = z.object({
  requestId: id("The request"),
  personId: id("The rater"),
  group: raterGroupSchema,
});
export const decideInput = z.object({ nominationId: id("The nomination"), approve: z.boolean() });

/** Answers arrive loosely typed; the domain's schema gives the person-readable errors. */
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
