// Teams: everyone may list them; admins create, rename, set members and coaches, and remove them.
import { teamIdInput, upsertTeamInput } from "../features/admin/inputs";
import { listTeams, removeTeam, upsertTeam } from "../features/admin/teams";
import { memberProcedure, roleProcedure, router } from "../trpc/init";

export const teamsRouter = router({
  list: memberProcedure.query(({ ctx }) => listTeams(ctx)),
  upsert: roleProcedure("admin")
    .input(upsertTeamInput)
    .mutation(({ ctx, input }) => upsertTeam(ctx, input)),
  remove: roleProcedure("admin")
    .input(teamIdInput)
    .mutation(({ ctx, input }) => removeTeam(ctx, input.teamId)),
});
