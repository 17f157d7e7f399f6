// Team dashboards for coaches, managers (their direct reports) and admins (when allowed).
import { dashboardTeamsOutput, teamDashboardInput, teamDashboardOutput } from "@fivefold/domain";
import { listDashboardTeams, teamDashboard } from "../services/dashboards";
import { memberProcedure, router } from "../trpc/init";

export const dashboardsRouter = router({
  teams: memberProcedure.output(dashboardTeamsOutput).query(({ ctx }) => listDashboardTeams({ ctx })),
  team: memberProcedure
    .input(teamDashboardInput)
    .output(teamDashboardOutput)
    .query(({ ctx, input }) => teamDashboard({ ctx, input })),
});
