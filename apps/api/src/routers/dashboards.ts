// Team dashboards for coaches, managers (their direct reports) and admins (when allowed).
import { z } from "zod";
import { listDashboardTeams, teamDashboard } from "../features/dashboards/team";
import { memberProcedure, router } from "../trpc/init";

export const dashboardsRouter = router({
  teams: memberProcedure.query(({ ctx }) => listDashboardTeams(ctx)),
  team: memberProcedure
    .input(
      z.object({
        teamId: z.uuid({ error: "The team must be an id" }),
        cycle: z.uuid({ error: "The cycle must be an id" }).optional(),
      }),
    )
    .query(({ ctx, input }) => teamDashboard(ctx, input)),
});
