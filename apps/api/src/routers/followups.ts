// Following up with the raters after release (issue 19): the subject's one thank-you to everyone invited.
import {
  followupStatusInput,
  followupStatusOutput,
  thankRatersInput,
  thankRatersOutput,
} from "@fivefold/domain";
import { followupStatus, thankRaters } from "../services/followups";
import { memberProcedure, router } from "../trpc/init";

export const followupsRouter = router({
  get: memberProcedure
    .input(followupStatusInput)
    .output(followupStatusOutput)
    .query(({ ctx, input }) => followupStatus({ ctx, input })),
  thank: memberProcedure
    .input(thankRatersInput)
    .output(thankRatersOutput)
    .mutation(({ ctx, input }) => thankRaters({ ctx, input })),
});
