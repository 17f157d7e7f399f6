// My profile, and whether I may be suggested as an accountability partner.
import { partnerOptInInput } from "../features/grow/inputs";
import { getProfile, setPartnerOptIn } from "../features/grow/profile";
import { memberProcedure, router } from "../trpc/init";

export const profileRouter = router({
  get: memberProcedure.query(({ ctx }) => getProfile(ctx)),
  setPartnerOptIn: memberProcedure
    .input(partnerOptInInput)
    .mutation(({ ctx, input }) => setPartnerOptIn(ctx, input)),
});
