// Check-ins on a coaching plan, and encouragement from the support circle.
import {
  checkinIdOutput,
  encourageInput,
  listCheckinsOutput,
  logCheckinInput,
  planIdInput,
} from "@fivefold/domain";
import { encourageCheckin, listCheckins, logCheckin } from "../services/grow/checkins";
import { memberProcedure, router } from "../trpc/init";

export const checkinsRouter = router({
  log: memberProcedure.input(logCheckinInput).output(checkinIdOutput).mutation(logCheckin),
  encourage: memberProcedure.input(encourageInput).output(checkinIdOutput).mutation(encourageCheckin),
  list: memberProcedure.input(planIdInput).output(listCheckinsOutput).query(listCheckins),
});
