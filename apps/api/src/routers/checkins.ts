// Check-ins on a coaching plan, and encouragement from the support circle.
import { encourageCheckin, listCheckins, logCheckin } from "../features/grow/checkins";
import { encourageInput, logCheckinInput, planIdInput } from "../features/grow/inputs";
import { memberProcedure, router } from "../trpc/init";

export const checkinsRouter = router({
  log: memberProcedure
    .input(logCheckinInput)
    .mutation(({ ctx, input: { planId, ...checkin } }) => logCheckin(ctx, planId, checkin)),
  encourage: memberProcedure
    .input(encourageInput)
    .mutation(({ ctx, input }) => encourageCheckin(ctx, input.checkinId, input.text)),
  list: memberProcedure.input(planIdInput).query(({ ctx, input }) => listCheckins(ctx, input.planId)),
});
