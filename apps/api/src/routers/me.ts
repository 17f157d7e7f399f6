// Who am I: the person, the organisation and the roles of the signed-in user.
import { meOutput } from "@fivefold/domain";
import { memberProcedure, router } from "../trpc/init";

export const meRouter = router({
  get: memberProcedure.output(meOutput).query(({ ctx }) => ({
    person: ctx.person,
    org: ctx.org,
    roles: [...ctx.roles],
  })),
});
