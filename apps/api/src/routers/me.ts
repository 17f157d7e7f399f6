// Who am I: the person, the organisation and the roles of the signed-in user, the language they
// read in; the organisations their sign-in holds a person in, and the switch between them.
import { meOrganisationsOutput, meOutput, setLanguageInput, switchOrganisationInput } from "@fivefold/domain";
import { describeMe, setMyLanguage } from "../services/auth/language";
import { listMyOrganisations, switchOrganisation } from "../services/auth/organisations";
import { memberProcedure, router } from "../trpc/init";

export const meRouter = router({
  get: memberProcedure.output(meOutput).query(({ ctx }) => describeMe(ctx)),
  organisations: memberProcedure
    .output(meOrganisationsOutput)
    .query(({ ctx }) => listMyOrganisations({ ctx })),
  switchOrganisation: memberProcedure
    .input(switchOrganisationInput)
    .output(meOutput)
    .mutation(({ ctx, input }) => switchOrganisation({ ctx, input })),
  setLanguage: memberProcedure
    .input(setLanguageInput)
    .output(meOutput)
    .mutation(({ ctx, input }) => setMyLanguage({ ctx, input })),
});
