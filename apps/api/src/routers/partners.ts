// Accountability partners: answer an invitation, step down from a circle, list the plans I support.
import { leaveCircle, listSupportedPlans, respondToInvitation } from "../features/grow/circle";
import { partnershipIdInput, respondInput } from "../features/grow/inputs";
import { memberProcedure, router } from "../trpc/init";

export const partnersRouter = router({
  respond: memberProcedure
    .input(respondInput)
    .mutation(({ ctx, input }) => respondToInvitation(ctx, input.partnershipId, input.accept)),
  leave: memberProcedure
    .input(partnershipIdInput)
    .mutation(({ ctx, input }) => leaveCircle(ctx, input.partnershipId)),
  list: memberProcedure.query(({ ctx }) => listSupportedPlans(ctx)),
});
