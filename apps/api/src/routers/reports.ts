// Released reports: read one (figures from the frozen snapshot only), list those I may read.
import { z } from "zod";
import { getReport } from "../features/reports/get";
import { listReports } from "../features/reports/list";
import { memberProcedure, router } from "../trpc/init";

export const reportsRouter = router({
  get: memberProcedure
    .input(z.object({ requestId: z.uuid({ error: "The request must be an id" }) }))
    .query(({ ctx, input }) => getReport(ctx, input.requestId)),
  list: memberProcedure.query(({ ctx }) => listReports(ctx)),
});
