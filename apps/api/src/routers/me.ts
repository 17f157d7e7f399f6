// Who am I: the person, the organisation and the roles of the signed-in user; the organisations
// their sign-in holds a person in, and the switch between them.
import { meOrganisationsOutput, meOutput, switchOrganisationInput } from "@fivefold/domain";
import { listMyOrganisations, switchOrganisation } from "../services/auth/organisations";
import { memberProcedure, router } from "../trpc/init";

export const meRouter = router({
  get: memberProcedure.output(meOutput).query(({ ctx }) => ({
    person: ctx.person,
    org: ctx.org,
    roles: [...ctx.roles],
  })),
  organisations: memberProcedure
    .output(meOrganisationsOutput)
    .query(({ ctx }) => listMyOrganisations({ ctx })),
  switchOrganisation: memberProcedure
    .input(switchOrganisationInput)
    .output(meOutput)
    .mutation(({ ctx, input }) => switchOrganisation({ ctx, input })),
});
