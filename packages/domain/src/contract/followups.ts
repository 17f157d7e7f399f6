// The followups procedures' contract (issue 19): the subject's one thank-you to every invited rater
// after release, and what the report page needs to offer it. Exact objects: unknown keys are stripped.
import { z } from "zod";
import { THANK_YOU_LIMITS, thankYouTextSchema } from "../followups";

const requestId = z.uuid({ error: "The request must be an id" });

export const thankRatersInput = z.object({ requestId, text: thankYouTextSchema });
export const thankRatersOutput = z.object({ sent: z.number().int().nonnegative() });

export const followupStatusInput = z.object({ requestId });
export const followupStatusOutput = z.object({
  /** When the thank-you went out (ISO), or null while it may still be sent. */
  thankedAt: z.iso.datetime().nullable(),
  /** Texts the subject may pick and edit, from their plan's focus or the report's. */
  suggestions: z.array(z.string()),
  limits: z.object({ min: z.literal(THANK_YOU_LIMITS.min), max: z.literal(THANK_YOU_LIMITS.max) }),
});

export type ThankRatersInput = z.output<typeof thankRatersInput>;
export type ThankRatersOutput = z.output<typeof thankRatersOutput>;
export type FollowupStatusInput = z.output<typeof followupStatusInput>;
export type FollowupStatusOutput = z.output<typeof followupStatusOutput>;
