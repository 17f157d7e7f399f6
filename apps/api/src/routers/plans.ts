// Coaching plans: create from a released report, read, edit, publish, close, list; partners.
import {
  closePlanInput,
  closePlanOutput,
  createPlanInput,
  createPlanOutput,
  invitePartnerInput,
  invitePartnerOutput,
  listPlansOutput,
  partnerSuggestionsOutput,
  partnershipIdInput,
  planIdInput,
  planViewOutput,
  publishPlanOutput,
  removePartnerOutput,
  suggestPartnersInput,
  updatePlanInput,
} from "@fivefold/domain";
import { invitePartner } from "../services/grow/invitations";
import { removePartner } from "../services/grow/leaving";
import { closePlan, createPlan, getPlan, listPlans, publishPlan, updatePlan } from "../services/grow/plans";
import { suggestPlanPartners } from "../services/grow/suggestions";
import { memberProcedure, router } from "../trpc/init";

export const plansRouter = router({
  create: memberProcedure.input(createPlanInput).output(createPlanOutput).mutation(createPlan),
  get: memberProcedure.input(planIdInput).output(planViewOutput).query(getPlan),
  update: memberProcedure.input(updatePlanInput).output(planViewOutput).mutation(updatePlan),
  publish: memberProcedure.input(planIdInput).output(publishPlanOutput).mutation(publishPlan),
  close: memberProcedure.input(closePlanInput).output(closePlanOutput).mutation(closePlan),
  list: memberProcedure.output(listPlansOutput).query(listPlans),
  suggestPartners: memberProcedure
    .input(suggestPartnersInput)
    .output(partnerSuggestionsOutput)
    .query(suggestPlanPartners),
  invitePartner: memberProcedure
    .input(invitePartnerInput)
    .output(invitePartnerOutput)
    .mutation(invitePartner),
  removePartner: memberProcedure
    .input(partnershipIdInput)
    .output(removePartnerOutput)
    .mutation(removePartner),
});
