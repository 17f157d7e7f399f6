// Released reports: read one (figures from the frozen snapshot only), list those I may read.
import { reportInput, reportListOutput, reportOutput } from "@fivefold/domain";
import { getReport, listReports } from "../services/reports";
import { memberProcedure, router } from "../trpc/init";

export const reportsRouter = router({
  get: memberProcedure
    .input(reportInput)
    .output(reportOutput)
    .query(({ ctx, input }) => getReport({ ctx, input })),
  list: memberProcedure.output(reportListOutput).query(({ ctx }) => listReports({ ctx })),
});
