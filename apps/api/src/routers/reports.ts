// Released reports: read one (figures from the frozen snapshot only), list those I may read.
import { reportInput, reportListOutput, reportOutput } from "@fivefold/domain";
import { getReport, listReports } from "../services/reports";
import { memberProcedure, router } from "../trpc/init";
import { validatedOnce } from "../trpc/validated-once";

export const reportsRouter = router({
  get: memberProcedure
    .input(reportInput)
    // Cached reports are frozen: each is checked against the schema once (trpc/validated-once.ts).
    .output(validatedOnce(reportOutput))
    .query(({ ctx, input }) => getReport({ ctx, input })),
  list: memberProcedure.output(reportListOutput).query(({ ctx }) => listReports({ ctx })),
});
