// Input schemas of the grow procedures, built from the domain's schemas.
import {
  checkinInputSchema,
  encouragementSchema,
  partnerOptInSchema,
  partnerRoleSchema,
  planEditSchema,
  reflectionSchema,
} from "@fivefold/domain";
import { z } from "zod";

const id = (what: string) => z.uuid({ error: `${what} must be an id` });

export const planIdInput = z.object({ planId: id("The plan") });
export const createPlanInput = z.object({ requestId: id("The report") });
export const updatePlanInput = planEditSchema.extend({ planId: id("The plan") });
export const closePlanInput = z.object({ planId: id("The plan"), reflection: reflectionSchema });
export const suggestPartnersInput = z.object({ planId: id("The plan"), role: partnerRoleSchema.optional() });
export const invitePartnerInput = z.object({
  planId: id("The plan"),
  personId: id("The person"),
  role: partnerRoleSchema,
});
export const partnershipIdInput = z.object({ partnershipId: id("The partnership") });
export const respondInput = z.object({ partnershipId: id("The invitation"), accept: z.boolean() });
export const logCheckinInput = checkinInputSchema.extend({ planId: id("The plan") });
export const encourageInput = encouragementSchema.extend({ checkinId: id("The check-in") });
export const partnerOptInInput = partnerOptInSchema;
