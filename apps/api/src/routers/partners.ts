// Accountability partners: answer an invitation, list the plans I support.
import { listSupportedPlans, respondToInvitation } from "../features/grow/circle";
import { respondInput } from "../features/grow/inputs";
import { memberProcedure, router } from "../trpc/init";

export const partnersRouter = router({
  respond: memberProcedure
    .input(respondInput)
    .mutation(({ ctx, input }) => respondToInvitation(ctx, input.partnershipId, input.accept)),
  list: memberProcedure.query(({ ctx }) => listSupportedPlans(ctx)),
});
