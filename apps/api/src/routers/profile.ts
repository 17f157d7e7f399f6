// My profile, and whether I may be suggested as an accountability partner.
import { partnerOptInInput, profileOutput, setPartnerOptInOutput } from "@fivefold/domain";
import { getProfile, setPartnerOptIn } from "../services/grow/profile";
import { memberProcedure, router } from "../trpc/init";

export const profileRouter = router({
  get: memberProcedure.output(profileOutput).query(getProfile),
  setPartnerOptIn: memberProcedure
    .input(partnerOptInInput)
    .output(setPartnerOptInOutput)
    .mutation(setPartnerOptIn),
});
