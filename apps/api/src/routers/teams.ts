// Teams: everyone may list them; admins create, rename, set members and coaches, and remove them.
import {
  removeTeamOutput,
  teamIdInput,
  teamOutput,
  teamsListOutput,
  upsertTeamInput,
} from "@fivefold/domain";
import { listTeams, removeTeam, upsertTeam } from "../services/admin/teams";
import { memberProcedure, roleProcedure, router } from "../trpc/init";

export const teamsRouter = router({
  list: memberProcedure.output(teamsListOutput).query(({ ctx }) => listTeams({ ctx })),
  upsert: roleProcedure("admin")
    .input(upsertTeamInput)
    .output(teamOutput)
    .mutation(({ ctx, input }) => upsertTeam({ ctx, input })),
  remove: roleProcedure("admin")
    .input(teamIdInput)
    .output(removeTeamOutput)
    .mutation(({ ctx, input }) => removeTeam({ ctx, input })),
});
