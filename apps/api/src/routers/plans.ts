// Coaching plans: create from a released report, read, edit, publish, close, list; partners.
import { invitePartner, removePartner, suggestPlanPartners } from "../features/grow/circle";
import {
  closePlanInput,
  createPlanInput,
  invitePartnerInput,
  partnershipIdInput,
  planIdInput,
  suggestPartnersInput,
  updatePlanInput,
} from "../features/grow/inputs";
import { closePlan, createPlan, getPlan, listPlans, publishPlan, updatePlan } from "../features/grow/plans";
import { memberProcedure, router } from "../trpc/init";

export const plansRouter = router({
  create: memberProcedure
    .input(createPlanInput)
    .mutation(({ ctx, input }) => createPlan(ctx, input.requestId)),
  get: memberProcedure.input(planIdInput).query(({ ctx, input }) => getPlan(ctx, input.planId)),
  update: memberProcedure
    .input(updatePlanInput)
    .mutation(({ ctx, input: { planId, ...edit } }) => updatePlan(ctx, planId, edit)),
  publish: memberProcedure.input(planIdInput).mutation(({ ctx, input }) => publishPlan(ctx, input.planId)),
  close: memberProcedure
    .input(closePlanInput)
    .mutation(({ ctx, input }) => closePlan(ctx, input.planId, input.reflection)),
  list: memberProcedure.query(({ ctx }) => listPlans(ctx)),
  suggestPartners: memberProcedure
    .input(suggestPartnersInput)
    .query(({ ctx, input }) => suggestPlanPartners(ctx, input.planId, input.role)),
  invitePartner: memberProcedure
    .input(invitePartnerInput)
    .mutation(({ ctx, input }) => invitePartner(ctx, input)),
  removePartner: memberProcedure
    .input(partnershipIdInput)
    .mutation(({ ctx, input }) => removePartner(ctx, input.partnershipId)),
});
